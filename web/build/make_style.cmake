# Writes the site's style.css: the themes' colours generated from src/ui/theme.cpp
# (rareshock_facts --css), the page's reserved canvas heights measured by
# scripts/measure-heights.mjs (assets/embed-heights.json, "page"), then
# web/style.css, which only uses them.
file(READ "${THEME_CSS}" theme)
file(READ "${SOURCE}/assets/embed-heights.json" heights_json)
set(reserve ":root{")
foreach(band narrow medium wide)
  string(JSON px GET "${heights_json}" page ${band})
  string(APPEND reserve "--rs-reserve-${band}:${px}px;")
endforeach()
string(APPEND reserve "}\n")
file(READ "${SOURCE}/web/style.css" css)
file(WRITE "${SITE}/style.css" "${theme}${reserve}${css}")
