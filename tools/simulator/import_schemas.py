#!/usr/bin/env python3
"""Extracts, per catalog operation, the request-body validation rules and a documented success example
from Kapso's OpenAPI descriptions, for the simulator.

Usage: import_schemas.py <kapso-api dir> <catalog json> <output dir>

Writes kapso-request-schemas.json (JSON-schema subset: type, properties, required, items, enum, const,
minLength, maxLength, minimum, maximum, minItems, maxItems, pattern, format, oneOf/anyOf, nullable,
additionalProperties) and kapso-response-examples.json (status + example body) keyed by operation id.
Descriptions and prose are dropped: only the facts a validator needs are kept.
"""
import json
import os
import re
import sys

import yaml

SPECS = [('openapi-whatsapp.yaml', 'meta'), ('openapi-platform.yaml', 'platform'),
         ('openapi-workflows.yaml', 'platform'), ('openapi-kapso-agent.yaml', 'platform')]
KEEP = {'type', 'properties', 'required', 'items', 'enum', 'const', 'minLength', 'maxLength', 'minimum', 'maximum',
        'exclusiveMinimum', 'exclusiveMaximum', 'minItems', 'maxItems', 'pattern', 'format', 'oneOf', 'anyOf', 'allOf',
        'nullable', 'additionalProperties', 'minProperties', 'maxProperties', 'discriminator'}


def normalise(path):
    return re.sub(r'\{[^}]+\}', '{}', path.rstrip('/'))


class Resolver:
    def __init__(self, doc):
        self.doc = doc

    def ref(self, ref):
        node = self.doc
        for part in ref.lstrip('#/').split('/'):
            node = node[part]
        return node

    def prune(self, schema, depth=0, seen=()):
        if not isinstance(schema, dict) or depth > 12:
            return {}
        if '$ref' in schema:
            if schema['$ref'] in seen:
                return {}
            return self.prune(self.ref(schema['$ref']), depth + 1, seen + (schema['$ref'],))
        out = {}
        for key, value in schema.items():
            if key not in KEEP:
                continue
            if key == 'properties':
                out[key] = {name: self.prune(sub, depth + 1, seen) for name, sub in value.items()}
            elif key in ('items', 'additionalProperties') and isinstance(value, dict):
                out[key] = self.prune(value, depth + 1, seen)
            elif key in ('oneOf', 'anyOf', 'allOf'):
                out[key] = [self.prune(sub, depth + 1, seen) for sub in value]
            elif key == 'discriminator':
                out[key] = {'propertyName': value.get('propertyName')}
            else:
                out[key] = value
        if 'allOf' in out:
            merged = {'type': 'object', 'properties': {}, 'required': []}
            for part in out.pop('allOf'):
                merged['properties'].update(part.get('properties', {}))
                merged['required'] += part.get('required', [])
            for k, v in merged.items():
                if k == 'properties':
                    out.setdefault('properties', {}).update(v)
                elif k == 'required':
                    out['required'] = sorted(set(out.get('required', []) + v))
                else:
                    out.setdefault(k, v)
        return out

    def example(self, response):
        if '$ref' in response:
            response = self.ref(response['$ref'])
        content = response.get('content', {})
        media = content.get('application/json') or next(iter(content.values()), {})
        if 'example' in media:
            return media['example']
        examples = media.get('examples') or {}
        for ex in examples.values():
            if '$ref' in ex:
                ex = self.ref(ex['$ref'])
            if 'value' in ex:
                return ex['value']
        schema = media.get('schema')
        if schema:
            return self.schema_example(schema, 0)
        return None

    def schema_example(self, schema, depth):
        if depth > 8 or not isinstance(schema, dict):
            return None
        if '$ref' in schema:
            return self.schema_example(self.ref(schema['$ref']), depth + 1)
        if 'example' in schema:
            return schema['example']
        for key in ('allOf', 'oneOf', 'anyOf'):
            if key in schema:
                if key == 'allOf':
                    merged = {}
                    for part in schema[key]:
                        v = self.schema_example(part, depth + 1)
                        if isinstance(v, dict):
                            merged.update(v)
                    return merged
                return self.schema_example(schema[key][0], depth + 1)
        t = schema.get('type')
        if isinstance(t, list):
            t = next((x for x in t if x != 'null'), None)
        if t == 'object' or 'properties' in schema:
            return {k: self.schema_example(v, depth + 1) for k, v in schema.get('properties', {}).items()}
        if t == 'array':
            item = self.schema_example(schema.get('items', {}), depth + 1)
            return [] if item is None else [item]
        if 'enum' in schema:
            return schema['enum'][0]
        return {'string': 'string', 'integer': 0, 'number': 0, 'boolean': False}.get(t)


def main(api_dir, catalog_path, out_dir):
    catalog = json.load(open(catalog_path, encoding='utf-8'))['operations']
    index = {}
    for name, base in SPECS:
        path = os.path.join(api_dir, 'openapi', name)
        if not os.path.exists(path):
            continue
        doc = yaml.safe_load(open(path, encoding='utf-8'))
        resolver = Resolver(doc)
        for spec_path, item in doc['paths'].items():
            for method, op in item.items():
                if method in ('get', 'post', 'put', 'patch', 'delete'):
                    index.setdefault((method.upper(), base, normalise(spec_path)), []).append((spec_path, op, resolver))
    schemas, examples = {}, {}
    for entry in catalog:
        base = 'meta' if entry['base'].startswith('meta') else 'platform'
        candidates = index.get((entry['method'], base, normalise(entry['path'])), [])
        match = next((c for c in candidates if c[0] == entry['path']), candidates[0] if len(candidates) == 1 else None)
        if not match:
            continue
        _, op, resolver = match
        body = op.get('requestBody')
        if body:
            if '$ref' in body:
                body = resolver.ref(body['$ref'])
            content = body.get('content', {})
            media = content.get('application/json')
            if media and 'schema' in media:
                schemas[entry['id']] = resolver.prune(media['schema'])
        responses = op.get('responses', {})
        success = str(entry['successStatus'])
        response = responses.get(success) or next((v for k, v in responses.items() if str(k).startswith('2')), None)
        if response is not None:
            example = resolver.example(response)
            if example is not None:
                examples[entry['id']] = example
    header = 'Generated by tools/simulator/import_schemas.py from the Kapso OpenAPI descriptions; do not edit.'
    for name, data in (('kapso-request-schemas.json', schemas), ('kapso-response-examples.json', examples)):
        with open(os.path.join(out_dir, name), 'w', encoding='utf-8') as f:
            json.dump({'comment': header, 'operations': data}, f, ensure_ascii=False, indent=1, sort_keys=True,
                      default=lambda v: v.isoformat().replace('+00:00', 'Z'))
            f.write('\n')
    print('%d request schemas, %d response examples written to %s' % (len(schemas), len(examples), out_dir))


if __name__ == '__main__':
    if len(sys.argv) != 4:
        raise SystemExit(__doc__)
    main(*sys.argv[1:])
