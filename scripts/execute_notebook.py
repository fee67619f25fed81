"""Executes notebooks with nbclient, cell by cell, and reports where each stopped.

    PYTHON scripts/execute_notebook.py IN.ipynb OUT.ipynb --cwd DIR
        [--kernel netlab-tslab] [--timeout 600]
    PYTHON scripts/execute_notebook.py --serve

Runs under the python that has Jupyter (scripts/jupyterSetup.ts finds it). Writes the
executed notebook to OUT.ipynb, also when a cell fails (then up to and including the
failing cell), and prints one JSON line on stdout:

    {"ok": true|false, "kernel_seconds": 1.6, "cells_seconds": 4.2,
     "failed_cell": null|index, "failure": null|"CellExecutionError: ...",
     "error": null|"traceback of a failure outside the cells (the kernel did not start, ...)",
     "pid": the python process that ran it}

With --serve it reads requests from stdin, one JSON object per line ({"input", "output",
"cwd", "kernel", "timeout"}), executes them one after another and answers each with
its report line; anything else the libraries print goes to stderr. Importing Jupyter and
finding the kernelspecs then happens once per process rather than once per notebook
(about 0.9 s of CPU each). scripts/notebookServer.ts runs it that way.

Cell timing metadata is not recorded, so outputs do not change between runs.
"""

import argparse
import asyncio
import json
import os
import sys
import time
import traceback

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError
from nbclient.util import ensure_async


async def execute(nb, args):
    client = NotebookClient(
        nb,
        kernel_name=args.kernel,
        timeout=args.timeout,
        # Outputs may trail a cell's reply on a busy machine (the first figure carries
        # plotly.js): wait for them rather than drop them, so runs stay identical.
        iopub_timeout=60,
        # A tslab kernel compiles its first cell's imports while it starts; several at
        # once on two busy cores can take longer than nbclient's 60 s default.
        startup_timeout=180,
        record_timing=False,
        resources={"metadata": {"path": args.cwd}},
    )
    client.reset_execution_trackers()
    report = {"ok": True, "kernel_seconds": None, "cells_seconds": None, "failed_cell": None, "failure": None}
    started = time.monotonic()
    async with client.async_setup_kernel():
        reply = await client.async_wait_for_reply(await ensure_async(client.kc.kernel_info()))
        if reply is not None and "language_info" in reply["content"]:
            nb.metadata["language_info"] = reply["content"]["language_info"]
        report["kernel_seconds"] = round(time.monotonic() - started, 2)
        cells_started = time.monotonic()
        for index, cell in enumerate(nb.cells):
            try:
                await client.async_execute_cell(cell, index, execution_count=client.code_cells_executed + 1)
            except (CellExecutionError, CellTimeoutError, DeadKernelError) as err:
                report.update(ok=False, failed_cell=index, failure=f"{type(err).__name__}: {err}")
                break
        report["cells_seconds"] = round(time.monotonic() - cells_started, 2)
        client.set_widgets_metadata()
    return report


def run_one(request):
    """Executes one request ({"input", "output", "cwd", "kernel", "timeout"}); returns its report."""
    try:
        nb = nbformat.read(request["input"], as_version=4)
        report = asyncio.run(execute(nb, argparse.Namespace(**request)))
        nbformat.write(nb, request["output"])
        return {**report, "error": None, "pid": os.getpid()}
    except Exception:  # reported to the caller, which names the notebook
        return {"ok": False, "kernel_seconds": None, "cells_seconds": None, "failed_cell": None,
                "failure": None, "error": traceback.format_exc(), "pid": os.getpid()}


def serve():
    """Answers requests from stdin until it closes; stdout carries only the report lines."""
    reports = sys.stdout
    sys.stdout = sys.stderr
    for line in sys.stdin:
        if line.strip():
            reports.write(json.dumps(run_one(json.loads(line))) + "\n")
            reports.flush()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("input", nargs="?")
    parser.add_argument("output", nargs="?")
    parser.add_argument("--serve", action="store_true", help="read requests from stdin, one JSON object per line")
    parser.add_argument("--cwd", help="the kernel's working directory")
    parser.add_argument("--kernel", default="netlab-tslab")
    parser.add_argument("--timeout", type=int, default=600, help="seconds per cell")
    args = parser.parse_args()
    if args.serve:
        serve()
        return
    if args.input is None or args.output is None or args.cwd is None:
        parser.error("IN.ipynb, OUT.ipynb and --cwd are required without --serve")
    request = {"input": args.input, "output": args.output, "cwd": args.cwd, "kernel": args.kernel, "timeout": args.timeout}
    print(json.dumps(run_one(request)))
    sys.stdout.flush()


if __name__ == "__main__":
    main()
