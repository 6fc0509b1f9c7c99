# Writes rareshock-offline.html (and rareshock-offline.<lang>.html for each other
# language): one self-contained file that works from file:// and inside
# <iframe sandbox="allow-scripts">: the app's JavaScript, CSS and boot script
# inlined, and the WebAssembly (and, in Japanese, the Japanese face) as gzip in
# base64, which app.js decompresses with the browser's DecompressionStream and
# hands to createRareShock (half the size of Emscripten's SINGLE_FILE base64).
# Once a file's inline parts are final, scripts/offline-csp.mjs gives it its
# Content-Security-Policy <meta> (its inline scripts and styles by hash).
file(READ "${SITE}/style.css" css)  # with the generated themes (make_style.cmake)
file(READ "${APP_JS}" js)
file(READ "${SOURCE}/web/app.js" boot)
file(READ "${WASM_B64}" wasm)
# Where the calculator's page is published (RS_PUBLIC_URL, checked in CMakeLists.txt):
# share links from the file lead there (app.js); empty, they are local and say so.
string(REPLACE "&" "&amp;" public_url "${PUBLIC_URL}")
file(GLOB pages "${SITE}/offline*.html")  # each language's edition (make-pages.mjs): "Method and sources" is already in it
foreach(page IN LISTS pages)
  get_filename_component(name "${page}" NAME)
  string(REGEX REPLACE "^offline" "rareshock-offline" out "${name}")
  file(READ "${page}" html)
  string(REPLACE "/*RS:STYLE*/" "${css}" html "${html}")
  string(REPLACE "/*RS:APP*/" "${js}" html "${html}")
  string(REPLACE "/*RS:BOOT*/" "${boot}" html "${html}")
  set(data "<script type=\"application/octet-stream\" id=\"rs-wasm\" data-encoding=\"gzip\">${wasm}</script>")
  if(name STREQUAL "offline.ja.html")  # Japanese carries its face (font-ja.ttf)
    file(READ "${JA_FACE_B64}" face)
    string(APPEND data "\n<script type=\"application/octet-stream\" id=\"rs-japanese-face\" data-encoding=\"gzip\">${face}</script>")
  endif()
  string(REPLACE "<!--RS:DATA-->" "${data}" html "${html}")
  string(REPLACE "<!--RS:PUBLIC-->" "<meta name=\"rareshock-public-url\" content=\"${public_url}\">" html "${html}")
  file(WRITE "${SITE}/${out}" "${html}")
  execute_process(COMMAND node "${SOURCE}/scripts/offline-csp.mjs" "${SITE}/${out}" RESULT_VARIABLE csp_failed)
  if(csp_failed)
    message(FATAL_ERROR "scripts/offline-csp.mjs failed on ${out}")
  endif()
  file(REMOVE "${page}")
endforeach()
file(REMOVE_RECURSE "${SITE}/build")
