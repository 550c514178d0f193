#!/usr/bin/python3
"""Runs the broken-input corpus (tests/broken/cases.json) against the command line.

    /usr/bin/python3 tests/broken/run_corpus.py BINARY [--only ID[,ID…]] [--gen-dir DIR]
                                                [--verbose]

Each case names a file, the command line to run on it, the exit code wanted and
a pattern its message must match. The generated cases (make_corpus.py) are
written to --gen-dir (default: a temporary folder). A case fails on a crash, a
wrong exit code, a message not matching, no message on a failing exit, a
message not of the form `mapaudit COMMAND: …` (or with the prefix doubled), a
raw library dump or traceback, and, for `check --json/--findings`, an output file
left behind when the map could not be checked. Prints the failures as a table
and the totals; exits 1 on any failure.
"""
import argparse
import concurrent.futures
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
TIMEOUT = 30
EXIT_INTERNAL = 4
# The reporting units the records cases refer to, as the CLI tests create them.
UNITS = [("赣州市自然资源局", None), ("章贡分局", "赣州市自然资源局"), ("南康分局", "赣州市自然资源局")]
# What a message meant for an inspector must never contain.
DUMPS = re.compile(r"Traceback \(most recent call last\)|terminate called|what\(\):|"
                   r"\[json\.exception|^(ERROR|Warning) \d+:|std::|basic_string|"
                   r"Segmentation fault|core dumped|Aborted|AddressSanitizer|SQLITE_|"
                   r"sqlite3_|CPLE_|OGRERR_|GEOSException|0x[0-9a-f]{8,}", re.M)


def parse_args():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("binary")
    p.add_argument("--only", help="comma-separated case ids")
    p.add_argument("--gen-dir", help="where make_corpus.py writes (default: a temporary folder)")
    p.add_argument("--jobs", type=int, default=2, help="cases run at once (default 2)")
    p.add_argument("--verbose", action="store_true", help="print every case's result")
    return p.parse_args()


def run(cmd, **kw):
    return subprocess.run(cmd, capture_output=True, timeout=TIMEOUT, **kw)


def make_template_db(binary, folder):
    """A records database with the reporting units, copied for every case that needs one."""
    db = os.path.join(folder, "units.db")
    for name, parent in UNITS:
        cmd = [binary, "org", "add", "--db", db, name] + (["--parent", parent] if parent else [])
        r = run(cmd)
        if r.returncode != 0:
            sys.exit(f"could not prepare the records database: {' '.join(cmd)}: "
                     f"{r.stderr.decode(errors='replace')}")
    return db


def copy_db(template, target):
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(template + suffix):
            shutil.copyfile(template + suffix, target + suffix)


class Case:
    def __init__(self, entry, gen_dir):
        self.entry = entry
        self.id = entry["id"]
        self.want = entry["exit"] if isinstance(entry["exit"], list) else [entry["exit"]]
        self.gen_dir = gen_dir

    def path(self):
        f = self.entry["file"]
        if f.startswith("gen/"):
            return os.path.join(self.gen_dir, f[4:])
        return os.path.join(HERE, f)

    def command(self, binary, work):
        values = {"file": self.path(), "db": os.path.join(work, "records.db"), "out": work,
                  "gen": self.gen_dir, "files": os.path.join(HERE, "files")}
        return [binary] + [a.format(**values) for a in self.entry["cmd"]]


def skip_reason(case):
    if case.entry.get("skip_if_root") and os.geteuid() == 0:
        return "running as root: file permissions do not stop root from reading"
    return None


def judge(case, result, work):
    """The problems with one run, as short texts (empty: the case passes)."""
    code, err, out = result
    problems = []
    command = case.entry["cmd"][0]
    first = err.splitlines()[0] if err.strip() else ""
    if code < 0 or code >= 128:
        problems.append(f"crashed (signal {-code if code < 0 else code - 128})")
    elif code == EXIT_INTERNAL:
        problems.append("internal error (exit 4)")
    if code not in case.want:
        problems.append(f"exit {code}, wanted {'/'.join(map(str, case.want))}")
    if code is not None and code >= 2 and not err.strip():
        problems.append("nothing on stderr")
    if code == 1 and not (err.strip() or out.strip()):
        problems.append("exit 1 without saying what was found")
    if err.strip() and not first.startswith(f"mapaudit {command}: "):
        problems.append(f"stderr does not start with 'mapaudit {command}: '")
    if re.search(r"mapaudit \w+: mapaudit", err):
        problems.append("prefix doubled")
    if not re.search(case.entry["stderr"], err.rstrip("\n"), re.M | re.I):
        problems.append(f"stderr does not match /{case.entry['stderr']}/")
    if "stdout" in case.entry and not re.search(case.entry["stdout"], out, re.M | re.I):
        problems.append(f"stdout does not match /{case.entry['stdout']}/")
    if "stdout_not" in case.entry and re.search(case.entry["stdout_not"], out, re.M | re.I):
        problems.append(f"stdout matches /{case.entry['stdout_not']}/")
    if DUMPS.search(err) or DUMPS.search(out):
        problems.append("raw library dump or traceback in the output")
    for name in case.entry.get("outputs", []):
        target = os.path.join(work, name)
        if code not in (0, 1) and os.path.lexists(target):
            problems.append(f"partial output {name} left behind")
        if code in (0, 1) and not os.path.exists(target):
            problems.append(f"output {name} not written")
        if code in (0, 1) and name.endswith(".json") and os.path.exists(target):
            try:
                with open(target, encoding="utf-8") as f:
                    json.load(f)
            except ValueError:
                problems.append(f"output {name} is not complete JSON")
    return problems


def run_case(case, binary, template_db, scratch):
    work = tempfile.mkdtemp(prefix=case.id + "-", dir=scratch)
    if case.entry.get("db") == "units":
        copy_db(template_db, os.path.join(work, "records.db"))
    cmd = case.command(binary, work)
    env = dict(os.environ, LANG="C.UTF-8", MAPAUDIT_PASSPHRASE="", MAPAUDIT_LANG="en")
    start = time.monotonic()
    try:
        r = subprocess.run(cmd, capture_output=True, timeout=TIMEOUT, env=env, cwd=work,
                           stdin=subprocess.DEVNULL)
        result = (r.returncode, r.stderr.decode("utf-8", "replace"),
                  r.stdout.decode("utf-8", "replace"))
        problems = judge(case, result, work)
    except subprocess.TimeoutExpired:
        result = (None, "", "")
        problems = [f"timed out after {TIMEOUT} s"]
    return result, problems, time.monotonic() - start


def first_line(text, width=110):
    line = text.strip().splitlines()[0] if text.strip() else "(empty)"
    return line if len(line) <= width else line[:width - 1] + "…"


def main():
    args = parse_args()
    binary = os.path.abspath(args.binary)
    with open(os.path.join(HERE, "cases.json"), encoding="utf-8") as f:
        entries = json.load(f)["cases"]
    ids = [e["id"] for e in entries]
    duplicates = {i for i in ids if ids.count(i) > 1}
    if duplicates:
        sys.exit(f"cases.json: duplicate ids {sorted(duplicates)}")
    if args.only:
        wanted = set(args.only.split(","))
        unknown = wanted - set(ids)
        if unknown:
            sys.exit(f"no such case: {', '.join(sorted(unknown))}")
        entries = [e for e in entries if e["id"] in wanted]

    started = time.monotonic()
    scratch = tempfile.mkdtemp(prefix="mapaudit-broken-")
    gen_dir = os.path.abspath(args.gen_dir or os.path.join(scratch, "gen"))
    subprocess.run([sys.executable, os.path.join(HERE, "make_corpus.py"), gen_dir], check=True)
    template_db = make_template_db(binary, scratch)

    cases = [Case(entry, gen_dir) for entry in entries]
    skipped = [(c.id, skip_reason(c)) for c in cases if skip_reason(c)]
    to_run = [c for c in cases if not skip_reason(c)]
    try:
        with concurrent.futures.ThreadPoolExecutor(max(1, args.jobs)) as pool:
            results = list(pool.map(lambda c: run_case(c, binary, template_db, scratch), to_run))
    finally:
        subprocess.run(["chmod", "-R", "u+rwX", scratch], check=False)
        shutil.rmtree(scratch, ignore_errors=True)

    failures, passed = [], 0
    for case, ((code, err, _), problems, seconds) in zip(to_run, results):
        if args.verbose:
            print(f"{'FAIL' if problems else 'ok  '} {case.id:<38} exit {code} "
                  f"{seconds:5.1f}s  {first_line(err, 80)}")
        if problems:
            failures.append((case, code, err, problems))
        else:
            passed += 1

    if failures:
        print(f"\n{'case':<38} {'exit':>4}  want  problem / stderr's first line")
        for case, code, err, problems in failures:
            print(f"{case.id:<38} {str(code):>4}  {'/'.join(map(str, case.want)):<5} "
                  f"{'; '.join(problems)}")
            print(f"{'':<38} {'':>4}  {'':<5} {first_line(err)}")
    for case_id, reason in skipped:
        print(f"skipped {case_id}: {reason}")
    print(f"\n{len(entries)} cases: {passed} passed, {len(failures)} failed, "
          f"{len(skipped)} skipped ({time.monotonic() - started:.1f} s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
