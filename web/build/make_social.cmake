# Points the pages' social card meta tags (og:image, twitter:image) at the
# published site when RS_SITE_URL is set: crawlers need an absolute address.
# Each edition names its own language's card (social-card.png, social-card.de.png…).
if(SITE_URL STREQUAL "")
  return()
endif()
if(NOT SITE_URL MATCHES "^https?://.*/$")
  message(FATAL_ERROR "RS_SITE_URL must be an http(s) URL ending in '/', got '${SITE_URL}'")
endif()
file(GLOB pages "${SITE}/index.html" "${SITE}/index.*.html")
foreach(page ${pages})
  file(READ "${page}" html)
  string(REGEX REPLACE "content=\"(social-card[.a-z]*\\.png)\"" "content=\"${SITE_URL}\\1\"" html "${html}")
  file(WRITE "${page}" "${html}")
endforeach()
