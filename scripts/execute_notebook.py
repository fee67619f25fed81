"""Executes one notebook with nbclient, cell by cell, and reports where it stopped.

    PYTHON scripts/execute_notebook.py IN.ipynb OUT.ipynb --cwd DIR
        [--kernel netlab-tslab] [--timeout 600]

Runs under the python that has Jupyter (scripts/jupyterSetup.ts finds it). Writes the executed
notebook to OUT.ipynb, also when a cell fails (then up to and including the failing
cell), and prints one JSON line on stdout:

    {"ok": true|false, "kernel_seconds": 1.6, "cells_seconds": 4.2,
     "failed_cell": null|index, "failure": null|"CellExecutionError: ..."}

The workbook runner (scripts/execute.ts) turns that into its messages. Cell timing
metadata is not recorded, so outputs do not change between runs.
"""

import argparse
import asyncio
import json
import sys
import time

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


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("input")
    parser.add_argument("output")
    parser.add_argument("--cwd", required=True, help="the kernel's working directory")
    parser.add_argument("--kernel", default="netlab-tslab")
    parser.add_argument("--timeout", type=int, default=600, help="seconds per cell")
    args = parser.parse_args()

    nb = nbformat.read(args.input, as_version=4)
    report = asyncio.run(execute(nb, args))
    nbformat.write(nb, args.output)
    print(json.dumps(report))
    sys.stdout.flush()


if __name__ == "__main__":
    main()
