#!/usr/bin/env python3
"""Builds the component's operation catalog from Kapso's API facts.

Usage: import_catalog.py <kapso-api dir> <output json>

Reads operations.tsv (the endpoint index) and the OpenAPI descriptions under openapi/
(parameter types, and the endpoints that only the specs list), merges the one-line
descriptions of descriptions.tsv beside this script, and writes one JSON document the
component loads at runtime. Run it again when Kapso publishes new endpoints; the
component's CatalogContractTest fails until the catalog and the facts agree.
"""
import csv
import json
import os
import re
import sys

import yaml

SPECS = [('openapi-whatsapp.yaml', 'meta'), ('openapi-platform.yaml', 'platform'),
         ('openapi-workflows.yaml', 'platform'), ('openapi-kapso-agent.yaml', 'platform')]

# Platform responses that are not wrapped in {"data": ...} (envelopes.md, section 2).
RAW_RESPONSES = {'checkPhoneNumberHealth', 'deployFunction', 'createFunctionSecret', 'invokeFunction',
                 'createConnectToken', 'listConnectedAccounts', 'listActions'}


def newest_first(order_field, since_filter=None):
    return dict(orderField=order_field, values='time', order='newest_first', sinceFilter=since_filter,
                consumerSorts=False)


# List operations whose items can back a polling consumer, and how a consumer follows each: the field the list is
# sorted on (its cursors record it), the order Kapso lists items in, and the query parameter keeping only items at or
# after a time, where one filters on that same field (from the Kapso API reference and the simulator).
# Filters left out on purpose: workflow executions sort on started_at but filter created_after (an execution created
# before the watermark may start after it); webhook deliveries and API logs only filter by coarse periods.
POLL_PROFILES = {
    'listMessages': newest_first('timestamp', 'since'),
    'listProjectMessages': newest_first('timestamp'),
    'listConversations': newest_first('last_active_at', 'last_active_since'),
    'listProjectConversations': newest_first('last_active_at', 'last_active_after'),
    'listContacts': newest_first('created_at'),
    'listProjectContacts': newest_first('created_at', 'created_after'),
    'listBroadcasts': newest_first('created_at', 'created_after'),
    'listBroadcastRecipients': dict(orderField='created_at', values='time', order='unknown', sinceFilter=None,
                                    consumerSorts=False),
    'listWebhookDeliveries': newest_first('created_at'),
    'listApiLogs': newest_first('created_at'),
    'listWorkflowExecutions': newest_first('started_at'),
    'listConversationWorkflowExecutions': newest_first('started_at'),
    'listEvents': newest_first('occurred_at', 'occurred_after'),
    'listCalls': newest_first('started_at', 'since'),
    # PostgREST rows: the consumer picks the column (pollOrderColumn), asks for order=<column>.asc and filters
    # <column>=gte.<watermark> itself; the values are whatever the column holds.
    'queryRows': dict(orderField=None, values='any', order='oldest_first', sinceFilter=None, consumerSorts=True),
}
# Message sends: throttled per phone number, and their answer's message id becomes a header.
MESSAGE_SENDS = {'sendMessage', 'sendMarketingMessage'}
# Multipart uploads and the form each one sends.
MULTIPART_FORMS = {'uploadMedia': 'media', 'uploadFlowJson': 'flow_json'}
# Rules Kapso enforces that are cheaper to check before the call than to learn from a 422. A field is a dotted path
# into the JSON body as sent (after wrapping).
PREFLIGHT = {
    'addBroadcastRecipients': [dict(rule='max_items', field='whatsapp_broadcast.recipients', max=1000)],
    'scheduleBroadcast': [dict(rule='future_time', field='scheduled_at')],
}
# POSTs that only read, so repeating them is harmless.
IDEMPOTENT_POSTS = {'searchLogsWithFilters'}
BOOLEAN_HINT = re.compile(r'^(has_|is_|include_|errors_only|problems_only|unassigned|active|messaging_enabled)')
INTEGER_HINT = {'limit', 'page', 'per_page', 'offset'}


def normalise(path):
    return re.sub(r'\{[^}]+\}', '{}', path.rstrip('/'))


def load_specs(api_dir):
    index = {}
    for name, base in SPECS:
        path = os.path.join(api_dir, 'openapi', name)
        if not os.path.exists(path):
            continue
        doc = yaml.safe_load(open(path, encoding='utf-8'))
        shared = doc.get('components', {}).get('parameters', {})
        for spec_path, item in doc['paths'].items():
            common = item.get('parameters', [])
            for method, op in item.items():
                if method not in ('get', 'post', 'put', 'patch', 'delete'):
                    continue
                params = []
                for p in common + op.get('parameters', []):
                    if '$ref' in p:
                        p = shared[p['$ref'].split('/')[-1]]
                    params.append(p)
                entry = dict(file=name, base=base, method=method.upper(), path=spec_path, op=op, params=params)
                index.setdefault((method.upper(), base, normalise(spec_path)), []).append(entry)
    return index


def pick_spec(index, method, base, path, path_params):
    candidates = index.get((method, base, normalise(path)), [])
    for c in candidates:  # Graph node routes share a shape; the placeholder name tells them apart
        if c['path'] == path:
            return c
    return candidates[0] if len(candidates) == 1 else None


def param_type(name, spec):
    if spec:
        for p in spec['params']:
            if p.get('name') == name and p.get('in') == 'query':
                schema = p.get('schema', {})
                t = schema.get('type')
                if isinstance(t, list):
                    t = next((x for x in t if x != 'null'), 'string')
                if t in ('integer', 'number', 'boolean', 'array'):
                    return t
                return 'string'
    if name in INTEGER_HINT:
        return 'integer'
    if BOOLEAN_HINT.match(name):
        return 'boolean'
    return 'string'


def header_params(spec):
    if not spec:
        return []
    return [dict(name=p['name'], required=bool(p.get('required'))) for p in spec['params']
            if p.get('in') == 'header' and p['name'].lower() not in ('x-api-key', 'authorization')]


def split_list(cell):
    return [] if cell in ('-', '') else [c.strip() for c in cell.split(',') if c.strip()]


def resource_of(group):
    g = group.replace('(meta)', '').replace('meta.', '').replace('platform.', '')
    return {'workflows.executions': 'workflow_executions', 'workflows.triggers': 'workflow_triggers'}.get(g, g)


def body_of(cell, method):
    if cell == 'multipart':
        return 'multipart', None
    if cell == 'none':
        return 'none', None
    if cell == '-':
        return 'json', None
    return 'json', cell


def base_of(cell):
    if cell in ('meta', 'platform'):
        return cell
    if cell.rstrip('/').endswith('/meta/whatsapp'):
        return 'meta-unversioned'
    raise SystemExit('unknown base ' + cell)


def envelope_of(op_id, base, method):
    if op_id == 'downloadMedia':
        return 'binary'
    if base.startswith('meta'):
        return 'graph'
    if op_id in RAW_RESPONSES:
        return 'raw'
    return 'data'


def entry(op_id, resource, method, base, path, path_params, query, body_kind, wrapper, pagination,
          status, description, docs, source):
    filters = any(q.startswith('<column>') for q in query)
    query_params = []
    for q in query:
        if q.startswith('<column>'):
            continue
        query_params.append((q.rstrip('*'), q.endswith('*')))
    return dict(id=op_id, resource=resource, method=method, base=base, path=path,
                pathParams=path_params,
                queryParams=query_params, filters=filters and True,
                body=body_kind, wrapper=wrapper, envelope=envelope_of(op_id, base, method),
                pagination=pagination, successStatus=int(status),
                idempotent=method in ('GET', 'PUT', 'DELETE') or op_id in IDEMPOTENT_POSTS,
                # a list answers with items: every paginated operation, and the unpaginated lists
                # (listWorkflows answers {"data": [...]})
                list=pagination != 'none' or op_id.startswith('list'),
                messageSend=op_id in MESSAGE_SENDS, poll=POLL_PROFILES.get(op_id), multipart=MULTIPART_FORMS.get(op_id),
                preflight=PREFLIGHT.get(op_id, []),
                description=description, docs=docs, source=source)


def main(api_dir, out):
    here = os.path.dirname(os.path.abspath(__file__))
    descriptions = {}
    desc_file = os.path.join(here, 'descriptions.tsv')
    if os.path.exists(desc_file):
        for row in csv.reader(open(desc_file, encoding='utf-8'), delimiter='\t'):
            if row and not row[0].startswith('#'):
                descriptions[row[0]] = row[1]
    specs = load_specs(api_dir)
    used = set()
    ops = []
    for r in csv.DictReader(open(os.path.join(api_dir, 'operations.tsv'), encoding='utf-8'), delimiter='\t'):
        base = base_of(r['base'])
        spec_base = 'meta' if base.startswith('meta') else base
        spec = pick_spec(specs, r['http_method'], spec_base, r['path'], split_list(r['path_params']))
        if spec:
            used.add(id(spec))
        body_kind, wrapper = body_of(r['body_root'], r['http_method'])
        source = r['source']
        docs = source[:-3] if source.startswith('https://') and source.endswith('.md') else (
            source if source.startswith('https://') else None)
        e = entry(r['operation'], resource_of(r['group']), r['http_method'], base, r['path'],
                  split_list(r['path_params']), split_list(r['query_params']), body_kind, wrapper,
                  r['pagination'], r['success_status'],
                  descriptions.get(r['operation']) or (spec['op'].get('summary') if spec else r['notes'].split('. ')[0]),
                  docs, None if docs else source)
        for i, (name, req) in enumerate(e['queryParams']):
            e['queryParams'][i] = dict(name=name, type=param_type(name, spec), required=req)
        e['headerParams'] = header_params(spec)
        ops.append(e)
    # Endpoints that only the OpenAPI descriptions list (not yet in operations.tsv).
    for entries in specs.values():
        for s in entries:
            if id(s) in used:
                continue
            op = s['op']
            path_params = re.findall(r'\{([^}]+)\}', s['path'])
            query = [(p['name'], bool(p.get('required'))) for p in s['params'] if p.get('in') == 'query']
            has_body = 'requestBody' in op
            body_kind = 'json' if has_body else 'none'
            codes = sorted(int(c) for c in op.get('responses', {}) if str(c).isdigit() and str(c).startswith('2'))
            pagination = 'cursor' if any(q == 'after' for q, _ in query) else (
                'page' if any(q == 'page' for q, _ in query) else 'none')
            e = entry(op['operationId'], 'kapso_agent', s['method'], s['base'], s['path'], path_params, [], body_kind,
                      None, pagination, codes[0] if codes else 200,
                      descriptions.get(op['operationId']) or op.get('summary', ''), None,
                      'spec:%s#%s' % (s['file'], op['operationId']))
            e['queryParams'] = [dict(name=n, type=param_type(n, s), required=req) for n, req in query]
            e['headerParams'] = header_params(s)
            ops.append(e)
    doc = {'comment': 'Generated by tools/catalog/import_catalog.py from the Kapso API facts; edit the generator, not this file.',
           'operations': ops}
    with open(out, 'w', encoding='utf-8') as f:
        f.write('{\n  "comment": %s,\n  "operations": [\n' % json.dumps(doc['comment']))
        f.write(',\n'.join('    ' + json.dumps(o, ensure_ascii=False) for o in ops))
        f.write('\n  ]\n}\n')
    for table, name in ((POLL_PROFILES, 'POLL_PROFILES'), (MULTIPART_FORMS, 'MULTIPART_FORMS'), (PREFLIGHT, 'PREFLIGHT'),
                        (dict.fromkeys(MESSAGE_SENDS), 'MESSAGE_SENDS')):
        unknown = set(table) - {o['id'] for o in ops}
        if unknown:
            raise SystemExit('%s names operations the catalog does not have: %s' % (name, sorted(unknown)))
    print('%d operations written to %s' % (len(ops), out))


if __name__ == '__main__':
    if len(sys.argv) != 3:
        raise SystemExit(__doc__)
    main(sys.argv[1], sys.argv[2])
