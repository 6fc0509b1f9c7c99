# Points the page's social card meta tags (og:image, twitter:image) at the
# published site when RS_SITE_URL is set: crawlers need an absolute address.
if(SITE_URL STREQUAL "")
  return()
endif()
if(NOT SITE_URL MATCHES "^https?://.*/$")
  message(FATAL_ERROR "RS_SITE_URL must be an http(s) URL ending in '/', got '${SITE_URL}'")
endif()
file(READ "${SITE}/index.html" html)
string(REPLACE "content=\"social-card.png\"" "content=\"${SITE_URL}social-card.png\"" html "${html}")
file(WRITE "${SITE}/index.html" "${html}")
