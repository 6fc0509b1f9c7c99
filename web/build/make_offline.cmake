# Writes rareshock-offline.html: one self-contained file (SINGLE_FILE build + CSS + boot
# script inlined) that works from file:// and inside <iframe sandbox="allow-scripts">.
file(READ "${SITE}/offline.html" html)  # the site's copy: "Method and sources" is already in it
file(READ "${SITE}/style.css" css)  # with the generated themes (make_style.cmake)
file(READ "${SINGLE_JS}" js)
file(READ "${SOURCE}/web/app.js" boot)
string(REPLACE "/*RS:STYLE*/" "${css}" html "${html}")
string(REPLACE "/*RS:APP*/" "${js}" html "${html}")
string(REPLACE "/*RS:BOOT*/" "${boot}" html "${html}")
file(WRITE "${SITE}/rareshock-offline.html" "${html}")
file(REMOVE "${SITE}/offline.html")
file(REMOVE_RECURSE "${SITE}/build")
