#!/usr/bin/python3
"""Rare Earth Shock — the Japanese face: IPA Gothic subset to the Japanese table's characters.

    make-font-ja.py IPAG_TTF JA_JSON OUT_TTF OUT_LICENSE_TXT [DEBIAN_COPYRIGHT]
    make-font-ja.py --check TTF LICENSE_TXT JA_JSON      (a test: exit 1 with the reasons)

The subset is a "Derived Program" under the IPA Font License Agreement v1.0, which
asks (Article 3.1) that it not carry the original's name (as program, font or file
name), that it be licensed under the same agreement, shipped with it, and with the
means to replace it by the original. So this script renames the face ("RS Gothic
JA Subset"), records the licence in its name table, and writes OUT_LICENSE_TXT:
what the file is, how to replace it with the original, and the agreement's text as
Debian ships it (fonts-ipafont-gothic's copyright file).
"""
import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

FAMILY = 'RS Gothic JA Subset'
LICENSE_NAME = 'IPA Font License Agreement v1.0'
LICENSE_URL = 'https://moji.or.jp/ipafont/license/'
ORIGINAL_URL = 'https://moji.or.jp/ipafont/ipafontdownload/'


def license_text(copyright_path):
    """The English IPA-1 licence paragraph of a Debian copyright file, unfolded."""
    lines = Path(copyright_path).read_text(encoding='utf-8').splitlines()
    start = next(i for i, l in enumerate(lines) if l.strip() == 'IPA Font License Agreement v1.0')
    out = []
    for line in lines[start:]:
        if line and not line.startswith(' '):  # the next stanza
            break
        out.append('' if line.strip() == '.' else line[1:])
    while out and not out[-1].strip():
        out.pop()
    return '\n'.join(out) + '\n'


def drawn_text(table):
    """The table as the calculator draws it: its lines but the methodology's tables' words
    ("method.*" keys, which the site's HTML shows in the reader's own fonts)."""
    lines = Path(table).read_text(encoding='utf-8').splitlines(keepends=True)
    return ''.join(l for l in lines if not l.lstrip().startswith('"method.'))


def check(ttf, license_txt, table):
    """The licence's terms for a derived font, and a glyph for every character of the table."""
    problems = []
    font = TTFont(ttf)
    for name_id in (1, 3, 4, 6, 16, 17):
        value = font['name'].getDebugName(name_id) or ''
        if 'IPA' in value:
            problems.append(f'name {name_id} carries the original\'s name: {value!r}')
    if LICENSE_NAME not in (font['name'].getDebugName(13) or ''):
        problems.append('no licence in the name table (ID 13)')
    if 'IPA' in Path(ttf).name:
        problems.append(f'the file name carries the original\'s name: {Path(ttf).name}')
    text = Path(license_txt).read_text(encoding='utf-8') if Path(license_txt).exists() else ''
    for needed in (LICENSE_NAME, 'Article 3 (Restriction)', 'To replace it with the Original Program', ORIGINAL_URL):
        if needed not in text:
            problems.append(f'{Path(license_txt).name} lacks "{needed}"')
    cmap = font.getBestCmap()
    missing = sorted({c for c in drawn_text(table) if ord(c) > 0x2FFF and ord(c) not in cmap})
    if missing:
        problems.append(f'no glyph for {"".join(missing[:20])}')
    for p in problems:
        print(f'make-font-ja: {p}', file=sys.stderr)
    print(f'make-font-ja: {Path(ttf).name}: {len(cmap)} characters, {font["name"].getDebugName(4)!r}, '
          f'{"ok" if not problems else "FAILED"}')
    return 1 if problems else 0


def main(argv):
    if len(argv) == 5 and argv[1] == '--check':
        return check(*argv[2:5])
    if len(argv) not in (5, 6):
        sys.stderr.write(__doc__)
        return 2
    source, table, out_ttf, out_license = argv[1:5]
    copyright_path = argv[5] if len(argv) == 6 else '/usr/share/doc/fonts-ipafont-gothic/copyright'

    options = subset.Options()
    options.layout_features = []
    options.hinting = False
    options.name_IDs = [0, 1, 2, 3, 4, 5, 6]
    font = TTFont(source)
    original = font['name'].getDebugName(3) or 'IPAGothic'
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=drawn_text(table))
    subsetter.subset(font)

    name = font['name']
    for record in list(name.names):  # no name of the original anywhere but the copyright notice
        if record.nameID in (1, 3, 4, 6, 16, 17):
            name.removeNames(nameID=record.nameID)
    name.setName(FAMILY, 1, 3, 1, 0x409)
    name.setName('Regular', 2, 3, 1, 0x409)
    name.setName(f'{FAMILY} {font["name"].getDebugName(5) or ""}'.strip(), 3, 3, 1, 0x409)
    name.setName(FAMILY, 4, 3, 1, 0x409)
    name.setName(FAMILY.replace(' ', ''), 6, 3, 1, 0x409)
    name.setName(f'Licensed under the {LICENSE_NAME}; a subset of {original}.', 13, 3, 1, 0x409)
    name.setName(LICENSE_URL, 14, 3, 1, 0x409)
    font.save(out_ttf)

    Path(out_license).write_text(
        f'{Path(out_ttf).name}: the face Rare Earth Shock uses for Japanese text\n'
        f'\n'
        f'It is a Derived Program of {original} (Debian package fonts-ipafont-gothic), made by\n'
        f'scripts/make-font-ja.py: the glyphs of the characters in assets/strings/ja.json only (but its\n'
        f'"method.*" texts, which only the method pages show), no\n'
        f'hinting, no layout features, renamed "{FAMILY}" as Article 3.1(4) asks. It is\n'
        f'licensed under the {LICENSE_NAME}, below.\n'
        f'\n'
        f'To replace it with the Original Program: download IPAGothic (ipag.ttf) from\n'
        f'{ORIGINAL_URL} (or install Debian\'s fonts-ipafont-gothic) and put it in place of\n'
        f'this file under the same file name; the calculator reads any TrueType face.\n'
        f'\n'
        + license_text(copyright_path), encoding='utf-8')
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
