# Writes the site's embed.js: web/embed.js with the measured content heights of
# assets/embed-heights.json (scripts/measure-heights.mjs) in place of its
# /*@embed-heights@*/null placeholder, so the loader reserves what was measured.
file(READ "${SOURCE}/assets/embed-heights.json" heights_json)
string(JSON bands GET "${heights_json}" bands)
string(REGEX REPLACE "[ \t\r\n]+" "" bands "${bands}")
file(READ "${SOURCE}/web/embed.js" js)
string(FIND "${js}" "/*@embed-heights@*/null" at)
if(at LESS 0)
  message(FATAL_ERROR "web/embed.js has no /*@embed-heights@*/null placeholder")
endif()
string(REPLACE "/*@embed-heights@*/null" "${bands}" js "${js}")
file(WRITE "${SITE}/embed.js" "${js}")
