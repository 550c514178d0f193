#!/usr/bin/env python3
"""The engine's message catalogue against the sources: every template given to
msg("…", …) in core/ and cli/ has its Chinese in resources/i18n/engine/zh_CN/,
with as many {} placeholders; no entry is left that no source uses. Prints how
many InputErrors are still raised from plain English text (not catalogued).
Exit 1 on a template without Chinese, a placeholder mismatch or a stale entry."""
import json
import pathlib
import re
import sys

root = pathlib.Path(__file__).resolve().parent.parent
literal = r'"(?:[^"\\]|\\.)*"'
call = re.compile(r'\bmsg\(\s*((?:' + literal + r'\s*)+)')
error_call = re.compile(r'(?:throw|return)\s+InputError\(')


def argument(text, start):
    """The text between the parenthesis at `start` and its match."""
    depth, i, quoted = 0, start, False
    while i < len(text):
        c = text[i]
        if quoted:
            if c == '\\':
                i += 1
            elif c == '"':
                quoted = False
        elif c == '"':
            quoted = True
        elif c == '(':
            depth += 1
        elif c == ')':
            depth -= 1
            if depth == 0:
                return text[start + 1:i]
        i += 1
    return text[start + 1:]


def english_only(arg):
    """Built from text here (a literal, a concatenation), not from a Message."""
    arg = arg.strip()
    top = arg
    while re.search(r'\([^()]*\)', top):  # what is inside calls does not count
        top = re.sub(r'\([^()]*\)', '', top)
    return not arg.startswith('msg(') and (arg.startswith('"') or arg.startswith('std::string(')
                                            or re.search(r'\s\+\s', top) is not None)


def unescape(s):
    return re.sub(r'\\(.)', lambda m: {'n': '\n', 't': '\t'}.get(m.group(1), m.group(1)), s)


def templates(text):
    for m in call.finditer(text):
        if '//' in text[text.rfind('\n', 0, m.start()) + 1:m.start()]:
            continue  # an example in a comment
        parts = re.findall(literal, m.group(1))
        yield ''.join(unescape(p[1:-1]) for p in parts), text.count('\n', 0, m.start()) + 1


used, plain_count = {}, 0
for folder in ('core', 'cli'):
    for f in sorted((root / folder).rglob('*.cpp')) + sorted((root / folder).rglob('*.h')):
        text = f.read_text(encoding='utf-8')
        for tmpl, line in templates(text):
            used.setdefault(tmpl, f'{f.relative_to(root)}:{line}')
        plain_count += sum(english_only(argument(text, m.end() - 1))
                           for m in error_call.finditer(text))

catalogue = {}
for f in sorted((root / 'resources/i18n/engine/zh_CN').glob('*.json')):
    for en, zh in json.loads(f.read_text(encoding='utf-8')).items():
        if en in catalogue:
            print(f'{f.name}: "{en}" is in the catalogue twice')
            sys.exit(1)
        catalogue[en] = zh

bad = 0
for tmpl, where in sorted(used.items(), key=lambda x: x[1]):
    if tmpl not in catalogue:
        print(f'{where}: no Chinese for "{tmpl}"')
        bad += 1
    elif catalogue[tmpl].count('{}') != tmpl.count('{}'):
        print(f'{where}: the Chinese of "{tmpl}" has {catalogue[tmpl].count("{}")} {{}}, '
              f'the English {tmpl.count("{}")}')
        bad += 1
for en in catalogue:
    if en not in used:
        print(f'catalogue: "{en}" is used by no source — remove it')
        bad += 1
print(f'check-messages: {len(used)} templates with Chinese; {plain_count} errors still in '
      'English only')
sys.exit(1 if bad else 0)
