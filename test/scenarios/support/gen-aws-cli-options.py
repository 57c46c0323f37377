#!/usr/bin/env python3
"""Prints the option table of test/scenarios/support/aws-cli-options.ts for the given `service command` pairs.

The AWS CLI (v1 and v2 alike) generates each operation command's options from the botocore service model:
one --kebab-case option per input member, --no-x for booleans, and --starting-token/--page-size/--max-items
for paginated operations. This script reads those same models, so the table matches the CLI reference.
Usage: python3 gen-aws-cli-options.py "dynamodb describe-table" "rds wait:db-instance-available" ...
       python3 gen-aws-cli-options.py --sdk "dynamodb DescribeTable" ...   (SDK_INPUTS)
       python3 gen-aws-cli-options.py --outputs > aws-output-shapes.json     (verify paths)
"""
import json
import sys

import botocore.session
from botocore import xform_name

session = botocore.session.get_session()
out = {}
for arg in ([] if ("--sdk" in sys.argv or "--outputs" in sys.argv) else sys.argv[1:]):
    service, command = arg.split(" ", 1)
    # The CLI calls the s3 API "s3api" (plain "s3" is the high-level commands, listed by hand in the table).
    model = session.get_service_model("s3" if service == "s3api" else service)
    waiter = command.startswith("wait:")
    if waiter:
        name = command[len("wait:"):]
        waiters = session.get_waiter_model(service)
        wname = next(w for w in waiters.waiter_names if xform_name(w, "-") == name)
        op_name = waiters.get_waiter(wname).operation
    else:
        op_name = next(o for o in model.operation_names if xform_name(o, "-") == command)
    op = model.operation_model(op_name)
    options, required = [], []
    shape = op.input_shape
    if shape is not None:
        for member, mshape in shape.members.items():
            opt = "--" + xform_name(member, "-")
            options.append(opt)
            if mshape.type_name == "boolean":
                options.append("--no-" + xform_name(member, "-"))
            if member in shape.required_members and not mshape.metadata.get("idempotencyToken"):
                required.append(opt)
    try:
        paginated = session.get_paginator_model(model.service_name).get_paginator(op_name) is not None
    except Exception:
        paginated = False
    if paginated and not waiter:
        options += ["--starting-token", "--page-size", "--max-items"]
    key = f"{service} wait {command[5:]}" if waiter else f"{service} {command}"
    out[key] = {"options": sorted(set(options)), "required": required}



def sdk_members(pairs):
    """`service Operation` -> the SDK input members and required ones (for verify/action args)."""
    table = {}
    for pair in pairs:
        service, op_name = pair.split(" ", 1)
        shape = session.get_service_model(service).operation_model(op_name).input_shape
        table[pair] = {"members": sorted(shape.members), "required": list(shape.required_members)}
    return table


# Usage for the SDK table: python3 gen-aws-cli-options.py --sdk "dynamodb DescribeTable" "rds FailoverDBCluster" ...


def output_tree(shape, depth):
    """Member names of a response, nested; lists become [item]. Leaves (and depth-cut branches) are 1."""
    if depth == 0:
        return 1
    if shape.type_name == "structure":
        return {k: output_tree(v, depth - 1) for k, v in shape.members.items()}
    if shape.type_name == "list":
        return [output_tree(shape.member, depth)]
    return 1


# python3 gen-aws-cli-options.py --outputs > aws-output-shapes.json: the responses a verify `path` walks.
if "--outputs" in sys.argv:
    READS = {
        "dynamodb": ["DescribeTable", "DescribeContinuousBackups", "ListBackups", "DescribeBackup"],
        "rds": ["DescribeDBClusters", "DescribeDBInstances", "DescribeDBSnapshots", "DescribeDBClusterSnapshots", "DescribeEvents"],
        "route53": ["GetChange", "ListResourceRecordSets", "GetHealthCheck", "GetHealthCheckStatus"],
        "cloudwatch": ["DescribeAlarms", "GetMetricData"],
        "kms": ["DescribeKey"],
    }
    trees = {}
    for svc, names in READS.items():
        model = session.get_service_model(svc)
        for name in names:
            trees[f"{svc} {name}"] = output_tree(model.operation_model(name).output_shape, 4)
    print(json.dumps(trees, separators=(",", ":")))
    sys.exit(0)

if "--sdk" in sys.argv:
    out = sdk_members([a for a in sys.argv[1:] if a != "--sdk"])
print(json.dumps(out, indent=1))
