# Writes the site's style.css: the themes' colours generated from src/ui/theme.cpp
# (rareshock_facts --css), then web/style.css, which only uses them.
file(READ "${THEME_CSS}" theme)
file(READ "${SOURCE}/web/style.css" css)
file(WRITE "${SITE}/style.css" "${theme}${css}")
