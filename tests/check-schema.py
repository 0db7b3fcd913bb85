#!/usr/bin/python3
# The JSON Schema that editors use to check a dataset as it is written
# agrees with Entente's own loader wherever it can judge:
#   - every valid dataset passes it: the bundled one, the test suite's,
#     and the examples in docs/FORMAT.md and in the help;
#   - every invalid one the loader rejects for something a schema can see
#     fails it; the rest (references, duplicates, order, impossible days,
#     bytes that are not JSON) are listed below as what it leaves to
#     `entente --check`;
#   - on dates, it takes exactly what the loader takes, but for days that
#     do not exist in their month.
# Usage: check-schema.py SOURCE_ROOT ENTENTE
import json
import os
import re
import subprocess
import sys
import tempfile

try:
    import jsonschema
except ImportError:
    print('python3-jsonschema is not installed')
    sys.exit(77)

# What the schema cannot see, by the loader's error code.
LEFT_TO_CHECK = {'syntax', 'encoding', 'order', 'duplicate', 'reference'}
# Invalid files of other codes that it cannot see either, and why.
ALSO_LEFT = {
    'impossible-day.json': 'February 30th is written like a day that exists',
}

failures = []


def fail(message):
    failures.append(message)
    print('FAIL:', message)


def main():
    root, entente = sys.argv[1], sys.argv[2]
    with open(os.path.join(root, 'data', 'entente-1.schema.json'), encoding='utf-8') as f:
        schema = json.load(f)
    jsonschema.Draft7Validator.check_schema(schema)
    validator = jsonschema.Draft7Validator(schema)

    def errors(document):
        return sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path))

    # Valid datasets.
    valid = [os.path.join(root, 'data', 'china-russia.json')]
    valid_dir = os.path.join(root, 'tests', 'data', 'valid')
    valid += [os.path.join(valid_dir, n) for n in sorted(os.listdir(valid_dir)) if n.endswith('.json')]
    documents = []
    for path in valid:
        with open(path, encoding='utf-8') as f:
            documents.append((path, json.load(f)))
    with open(os.path.join(root, 'docs', 'FORMAT.md'), encoding='utf-8') as f:
        block = re.search(r'```json\n(.*?)```', f.read(), re.S)
        documents.append(('docs/FORMAT.md', json.loads(block.group(1))))
    with open(os.path.join(root, 'docs', 'help', 'C', 'write.page'), encoding='utf-8') as f:
        block = re.search(r'<code mime="application/json">(.*?)</code>', f.read(), re.S)
        text = block.group(1).replace('&lt;', '<').replace('&gt;', '>').replace('&quot;', '"').replace('&amp;', '&')
        documents.append(('docs/help/C/write.page', json.loads(text)))
    for name, document in documents:
        for error in errors(document):
            fail('%s is valid, but the schema says at %s: %s' % (name, list(error.absolute_path), error.message))
    print('valid datasets checked:', len(documents))

    # Invalid datasets.
    invalid_dir = os.path.join(root, 'tests', 'data', 'invalid')
    judged = 0
    with open(os.path.join(invalid_dir, 'EXPECTED'), encoding='utf-8') as f:
        for line in f:
            if not line.strip() or line.startswith('#'):
                continue
            name, code = line.split()[:2]
            if code in LEFT_TO_CHECK:
                continue
            with open(os.path.join(invalid_dir, name), encoding='utf-8') as d:
                document = json.load(d)
            rejected = bool(errors(document))
            if name in ALSO_LEFT:
                if rejected:
                    fail('%s: the schema now sees what it was said not to (%s): update ALSO_LEFT'
                         % (name, ALSO_LEFT[name]))
            elif not rejected:
                fail('%s is invalid (%s), but the schema takes it' % (name, code))
            judged += 1
    print('invalid datasets judged:', judged)

    # Dates: the loader's verdict on each, from one dataset with an event
    # a date, against the schema's.
    dates = ['1950', '1969-03', '1950-02-14', '-0220', '0000', '-0000', '1689~', '1958?', '1958%',
             '9999', '-9999', '10000', '195', '1950-1', '1950-00', '1950-13', '1950-02-00',
             '1950-02-32', '1950-12-31', '1950~?', '~1950', '1950-02~', '1950-02-14%', ' 1950',
             '1950 ', '+1950', '1950/1951', '1950-02-14T10:00', '', 'c. 1950', '19５0', '1950..',
             '-1950-03-04', '1950-2-14', '1950-02-1', 'abcd', '0001', '-0001', '2000-02-29',
             '1950?~', '1950%%', '1950-02-29', '1900-02-29', '1950-04-31']
    events = [{'id': 'e%d' % i, 'date': d, 'title': 'E'} for i, d in enumerate(dates)]
    dataset = {'format': 'entente/1', 'title': 'Dates', 'events': events}
    with tempfile.NamedTemporaryFile('w', suffix='.json', delete=False, encoding='utf-8') as f:
        json.dump(dataset, f)
    try:
        out = subprocess.run([entente, '--check', f.name], capture_output=True, text=True,
                             env=dict(os.environ, LANGUAGE='C', LC_ALL='C.UTF-8'))
    finally:
        os.unlink(f.name)
    refused = {int(m) for m in re.findall(r'events\[(\d+)\]\.date', out.stdout + out.stderr)}
    impossible_days = {'1950-02-29', '1900-02-29', '1950-04-31'}
    for i, d in enumerate(dates):
        loader_takes = i not in refused
        schema_takes = not errors({'format': 'entente/1', 'title': 'D', 'events': [events[i]]})
        if d in impossible_days:
            if loader_takes or not schema_takes:
                fail('date %r: expected the loader to refuse it and the schema to take it' % d)
        elif loader_takes != schema_takes:
            fail('date %r: the loader %s it, the schema %s it' % (
                d, 'takes' if loader_takes else 'refuses', 'takes' if schema_takes else 'refuses'))
    print('dates compared:', len(dates))

    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
