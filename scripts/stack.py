"""The production stack on one machine, as reusable pieces: PostgreSQL and Redis (started
as .ci/run starts them when they do not answer), gunicorn with ``cms.settings.production``,
the task worker (``manage.py db_worker``) and ``varnishd`` with the shipped VCL in front.

Used by ``make serve`` (scripts/serve.py), the Varnish-in-front-of-gunicorn tests
(tests/cms/test_varnish_gunicorn.py) and the cache benchmark (scripts/bench_cache.py).

Every process is started in its own process group (so stopping one stops its children:
gunicorn's workers, varnishd's cache process) and, on Linux, is told to receive SIGTERM
if the Python process that started it dies without stopping it (``PR_SET_PDEATHSIG``),
so an interrupted run leaves no orphan behind."""

import ctypes
import http.client
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VCL = ROOT / "deploy" / "varnish" / "default.vcl"
HOST = "127.0.0.1"
#: the backend port written in the shipped VCL, rewritten to the real gunicorn port
VCL_BACKEND_PORT = '.port = "8000";'
#: gunicorn's default worker count: 2 x cores + 1 (gunicorn's advice), at most this
MAX_DEFAULT_WORKERS = 8
START_TIMEOUT = 60


class StackError(Exception):
    """A service could not be found, started or reached."""


# Ports and readiness ------------------------------------------------------------------


def free_port(host=HOST):
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        return sock.getsockname()[1]


def port_answers(port, host=HOST, timeout=0.5):
    try:
        socket.create_connection((host, port), timeout=timeout).close()
    except OSError:
        return False
    return True


def wait_for_port(port, process=None, name="service", timeout=START_TIMEOUT, host=HOST):
    """Wait until ``host:port`` accepts connections; fail early if ``process`` exits."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise StackError(f"{name} exited with status {process.returncode}")
        if port_answers(port, host, timeout=0.2):
            return
        time.sleep(0.1)
    raise StackError(f"{name} did not answer on {host}:{port} within {timeout} s")


def wait_for_http(port, path="/robots.txt", process=None, name="service", timeout=START_TIMEOUT):
    """Wait until a GET of ``path`` gets any HTTP answer (the application is loaded)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise StackError(f"{name} exited with status {process.returncode}")
        conn = http.client.HTTPConnection(HOST, port, timeout=5)
        try:
            conn.request("GET", path, headers={"Host": "localhost"})
            conn.getresponse().read()
            return
        except (OSError, http.client.HTTPException):
            time.sleep(0.2)
        finally:
            conn.close()
    raise StackError(f"{name} did not answer HTTP on {HOST}:{port} within {timeout} s")


# PostgreSQL and Redis -----------------------------------------------------------------


def _run_quietly(command):
    return subprocess.run(command, capture_output=True, text=True, check=False)  # noqa: S603


def ensure_postgres(port=5432, timeout=30):
    """PostgreSQL on 127.0.0.1:``port``, started with Debian's pg_ctlcluster (the first
    cluster under /etc/postgresql) when it does not answer, as .ci/run does."""
    if port_answers(port):
        return False
    clusters = sorted(os.listdir("/etc/postgresql")) if os.path.isdir("/etc/postgresql") else []
    if not clusters or not shutil.which("pg_ctlcluster"):
        raise StackError(
            f"PostgreSQL does not answer on {HOST}:{port} and no local cluster to start "
            "(apt-get install postgresql, or set DATABASE_URL to a running server)"
        )
    print(f"Starting PostgreSQL {clusters[0]}", flush=True)
    _run_quietly(["pg_ctlcluster", "--skip-systemctl-redirect", clusters[0], "main", "start"])
    wait_for_port(port, name="PostgreSQL", timeout=timeout)
    return True


def ensure_redis(port=6379, timeout=30):
    """Redis on 127.0.0.1:``port``, started as a daemon without persistence when it does
    not answer, as .ci/run does."""
    if port_answers(port):
        return False
    if not shutil.which("redis-server"):
        raise StackError(
            f"Redis does not answer on {HOST}:{port} (apt-get install redis-server, or set "
            "REDIS_URL to a running server)"
        )
    print("Starting Redis", flush=True)
    for folder in ("/var/lib/redis", "/var/log/redis"):
        os.makedirs(folder, exist_ok=True)
    _run_quietly(
        [
            "redis-server",
            "--daemonize",
            "yes",
            "--bind",
            "127.0.0.1",
            "-::1",
            "--port",
            str(port),
            "--save",
            "",
            "--appendonly",
            "no",
            "--dir",
            "/var/lib/redis",
            "--logfile",
            "/var/log/redis/ci.log",
        ]
    )
    wait_for_port(port, name="Redis", timeout=timeout)
    return True


def ensure_database(url):
    """Create the PostgreSQL database named in ``url`` if it does not exist yet."""
    import dj_database_url
    import psycopg
    from psycopg import sql

    cfg = dj_database_url.parse(url)
    params = {
        "host": cfg["HOST"] or None,
        "port": cfg["PORT"] or None,
        "user": cfg["USER"] or None,
        "password": cfg["PASSWORD"] or None,
        "connect_timeout": 5,
    }
    try:
        with psycopg.connect(dbname="postgres", autocommit=True, **params) as conn:
            exists = conn.execute(
                "SELECT 1 FROM pg_database WHERE datname = %s", [cfg["NAME"]]
            ).fetchone()
            if not exists:
                conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(cfg["NAME"])))
                print(f"created database {cfg['NAME']}", flush=True)
    except psycopg.Error as error:
        raise StackError(f"PostgreSQL at {url} is not usable: {error}") from error
    return cfg["NAME"]


def database_url(settings_dict):
    """A DATABASE_URL for a Django ``DATABASES`` entry (PostgreSQL)."""
    from urllib.parse import quote

    user = quote(settings_dict.get("USER") or "")
    password = settings_dict.get("PASSWORD") or ""
    auth = f"{user}:{quote(password)}@" if password else (f"{user}@" if user else "")
    host = settings_dict.get("HOST") or HOST
    port = settings_dict.get("PORT") or 5432
    return f"postgres://{auth}{host}:{port}/{settings_dict['NAME']}"


# Processes ----------------------------------------------------------------------------

_PR_SET_PDEATHSIG = 1


def _child_setup():
    """In the child, before exec: die with the parent (Linux), in a new process group."""
    os.setpgid(0, 0)
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL("libc.so.6", use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)
        except OSError:
            pass


def start(command, env=None, log_path=None, name=None):
    """Start ``command`` in its own process group; its output goes to ``log_path`` (or
    to this process's stdout). The returned Popen has ``.name``."""
    log = open(log_path, "ab") if log_path else None  # noqa: SIM115 - closed by stop()
    process = subprocess.Popen(  # noqa: S603 - fixed programs
        command,
        cwd=ROOT,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=log,
        stderr=subprocess.STDOUT if log else None,
        preexec_fn=_child_setup,  # noqa: PLW1509 - called from the main thread
    )
    process.name = name or Path(command[0]).name
    process.log = log
    return process


def stop(process, timeout=15):
    """Stop ``process`` and its process group: SIGTERM, then SIGKILL after ``timeout``."""
    if process is None:
        return
    for sig, wait in ((signal.SIGTERM, timeout), (signal.SIGKILL, 5)):
        try:
            os.killpg(process.pid, sig)
        except ProcessLookupError:
            break
        try:
            process.wait(timeout=wait)
            break
        except subprocess.TimeoutExpired:
            continue
    # The group may outlive its leader for a moment (gunicorn's workers finishing).
    for _ in range(50):
        try:
            os.killpg(process.pid, 0)
        except ProcessLookupError:
            break
        time.sleep(0.1)
    else:
        try:
            os.killpg(process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    log = getattr(process, "log", None)
    if log is not None:
        log.close()


def stop_all(processes):
    """Stop in the reverse order of starting."""
    for process in reversed(processes):
        stop(process)


# Production settings for a local run --------------------------------------------------


def default_workers():
    """WEB_CONCURRENCY, or 2 x cores + 1 capped at MAX_DEFAULT_WORKERS."""
    value = os.environ.get("WEB_CONCURRENCY", "").strip()
    if value:
        return int(value)
    return min(2 * (os.cpu_count() or 1) + 1, MAX_DEFAULT_WORKERS)


#: plain HTTP on this machine: the HTTPS-only settings of cms.settings.production are
#: turned off (a deployment terminates TLS in front and keeps them on)
PLAIN_HTTP = {
    "SECURE_SSL_REDIRECT": "false",
    "SECURE_HSTS_SECONDS": "0",
    "SESSION_COOKIE_SECURE": "false",
    "CSRF_COOKIE_SECURE": "false",
    "LANGUAGE_COOKIE_SECURE": "false",
}


def production_env(base=None, **overrides):
    """The environment of a production process on this machine over plain HTTP."""
    env = dict(os.environ if base is None else base)
    env.update(DJANGO_SETTINGS_MODULE="cms.settings.production", PYTHONUNBUFFERED="1", **PLAIN_HTTP)
    env.update({key: str(value) for key, value in overrides.items()})
    return env


def new_secret_key():
    return secrets.token_urlsafe(50)


def manage(env, *args, quiet=True):
    """Run ``manage.py`` with ``args``; raise StackError with its output on failure."""
    command = [sys.executable, "manage.py", *args]
    result = subprocess.run(  # noqa: S603
        command, cwd=ROOT, env=env, capture_output=quiet, text=True, check=False
    )
    if result.returncode != 0:
        raise StackError(f"manage.py {' '.join(args)} failed:\n{result.stdout}{result.stderr}")
    return result.stdout


# gunicorn, the task worker, Varnish ---------------------------------------------------


def start_gunicorn(env, port, workers, log_path=None, worker_class="sync"):
    """gunicorn with ``workers`` workers. Production checks WEB_CONCURRENCY (more than
    one needs REDIS_URL): the caller sets it in ``env`` when it means that check."""
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "cms.wsgi:application",
        "--bind",
        f"{HOST}:{port}",
        "--workers",
        str(workers),
        "--worker-class",
        worker_class,
        "--graceful-timeout",
        "10",
        # gunicorn 27's control socket has one default path for every instance.
        "--no-control-socket",
    ]
    return start(command, env=env, log_path=log_path, name="gunicorn")


def start_worker(env, log_path=None):
    """The background task worker (e-mails), ``manage.py db_worker``."""
    command = [sys.executable, "manage.py", "db_worker", "--no-reload", "--queue-name", "*"]
    return start(command, env=env, log_path=log_path, name="db_worker")


def varnishd_path():
    """The varnishd binary (Debian's ``varnish`` puts it in /usr/sbin), or None."""
    return shutil.which("varnishd") or shutil.which("varnishd", path="/usr/sbin:/sbin")


def varnish_vcl(backend_port, vcl=VCL):
    """The shipped VCL with its backend pointed at ``backend_port``."""
    text = Path(vcl).read_text()
    if VCL_BACKEND_PORT not in text:
        raise StackError(f"{vcl} has no backend line {VCL_BACKEND_PORT!r} to rewrite")
    return text.replace(VCL_BACKEND_PORT, f'.port = "{backend_port}";')


def start_varnish(backend_port, port, workdir, log_path=None, memory="256m", params=()):
    """``varnishd -F`` listening on 127.0.0.1:``port`` with the shipped VCL, its backend
    gunicorn on ``backend_port``; ``workdir`` (a temporary folder) holds the rewritten
    VCL and Varnish's working directory. ``params``: extra ``-p name=value``."""
    binary = varnishd_path()
    if binary is None:
        raise StackError("varnishd is missing (apt-get install varnish)")
    workdir = Path(workdir)
    vcl_path = workdir / "default.vcl"
    vcl_path.write_text(varnish_vcl(backend_port))
    command = [
        binary,
        "-F",
        "-j",
        "none",
        "-n",
        str(workdir / "varnish"),
        "-f",
        str(vcl_path),
        "-a",
        f"{HOST}:{port}",
        "-s",
        f"malloc,{memory}",
    ]
    for param in params:
        command += ["-p", param]
    return start(command, log_path=log_path, name="varnishd")


def process_tree(pid):
    """``pid`` and all its descendants still alive (from /proc)."""
    children = {}
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            fields = Path(f"/proc/{name}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(name))
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        if os.path.exists(f"/proc/{current}"):
            found.append(current)
        todo += children.get(current, [])
    return found
