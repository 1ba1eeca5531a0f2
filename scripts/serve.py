"""`make serve`: the production stack on this machine, started by one command and
stopped, every process of it, by Ctrl-C (SIGINT) or SIGTERM.

    PostgreSQL :5432   Redis :6379      (started as .ci/run does when they are down)
    gunicorn   127.0.0.1:$PORT          cms.settings.production, WEB_CONCURRENCY workers
    db_worker                           the background tasks (e-mails)
    varnishd   127.0.0.1:$VARNISH_PORT  deploy/varnish/default.vcl, backend gunicorn

Steps: migrate, collectstatic, the demo content when SERVE_DEMO=1, then the three
processes (scripts/stack.py). The environment configures it like production
(.env.example); unset variables get the local defaults below, and the script prints
what it chose:

- DATABASE_URL   postgres://postgres@127.0.0.1:5432/portal_soacha (created if missing)
- REDIS_URL      redis://127.0.0.1:6379/0 (required: several workers share it)
- SECRET_KEY     from the environment, or generated once into .serve-secret-key
                 (untracked, mode 600) so sessions survive a restart
- ALLOWED_HOSTS  localhost,127.0.0.1
- PORT 8000, VARNISH_PORT 8080, WEB_CONCURRENCY 2 x cores + 1 (at most 8)
- FRONTEND_CACHE_URLS  the Varnish started here (publishing purges it)
- PAGE_CACHE false (Varnish caches; the in-process cache would only repeat it)
- SERVE_MEDIA true (no web server in front serves MEDIA_ROOT here)
- TRUSTED_PROXY_COUNT 1 (Varnish appends the client's address to X-Forwarded-For)

This is plain HTTP on 127.0.0.1, so SECURE_SSL_REDIRECT, SESSION_COOKIE_SECURE,
CSRF_COOKIE_SECURE and LANGUAGE_COOKIE_SECURE are set to false and SECURE_HSTS_SECONDS
to 0, always (a deployment keeps them on behind its TLS terminator)."""

import os
import signal
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent))

import stack  # noqa: E402

SECRET_FILE = stack.ROOT / ".serve-secret-key"
DEFAULTS = {
    "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/portal_soacha",
    "REDIS_URL": "redis://127.0.0.1:6379/0",
    "ALLOWED_HOSTS": "localhost,127.0.0.1",
    "PAGE_CACHE": "false",
    "SERVE_MEDIA": "true",
    "TRUSTED_PROXY_COUNT": "1",
}


class Stop(Exception):
    """SIGTERM or SIGHUP: leave the wait loop and stop everything."""


def _raise_stop(signum, frame):
    raise Stop(signal.Signals(signum).name)


def secret_key():
    """SECRET_KEY from the environment, else the one kept in .serve-secret-key."""
    key = os.environ.get("SECRET_KEY", "").strip()
    if key:
        return key, "the environment"
    if SECRET_FILE.exists():
        return SECRET_FILE.read_text().strip(), SECRET_FILE.name
    key = stack.new_secret_key()
    descriptor = os.open(SECRET_FILE, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "w") as handle:
        handle.write(key + "\n")
    return key, f"{SECRET_FILE.name} (generated now)"


def is_local(url, port):
    parts = urlsplit(url)
    return parts.hostname in ("127.0.0.1", "localhost") and (parts.port or port) == port


def configuration():
    env = {**DEFAULTS, **{k: v for k, v in os.environ.items() if v.strip()}}
    port = int(env.get("PORT") or 8000)
    varnish_port = int(env.get("VARNISH_PORT") or 8080)
    workers = stack.default_workers()
    key, key_source = secret_key()
    env.setdefault("FRONTEND_CACHE_URLS", f"http://{stack.HOST}:{varnish_port}")
    env.setdefault("PORTAL_BASE_URL", f"http://localhost:{varnish_port}")
    env = stack.production_env(env, SECRET_KEY=key, WEB_CONCURRENCY=workers)
    return env, port, varnish_port, workers, key_source


def prepare(env):
    if is_local(env["DATABASE_URL"], 5432) and env["DATABASE_URL"].startswith("postgres"):
        stack.ensure_postgres()
    if env["DATABASE_URL"].startswith("postgres"):
        stack.ensure_database(env["DATABASE_URL"])
    if is_local(env["REDIS_URL"], 6379):
        stack.ensure_redis()
    for args in (("migrate", "--noinput"), ("collectstatic", "--noinput", "--verbosity", "0")):
        print(f"$ manage.py {' '.join(args)}", flush=True)
        stack.manage(env, *args)
    if env.get("SERVE_DEMO") == "1":
        print("$ manage.py load_demo_content (SERVE_DEMO=1)", flush=True)
        # Its indexing runs inline (not thousands of queued tasks for the worker) and
        # it purges nothing: Varnish starts empty.
        demo_env = {
            **env,
            "DEMO_CONTENT_ALLOWED": "1",
            "TASKS_BACKEND": "immediate",
            "FRONTEND_CACHE_URLS": "",
        }
        stack.manage(demo_env, "load_demo_content")


def print_summary(env, port, varnish_port, workers, key_source):
    print(
        f"""
Portal Soacha, production settings (cms.settings.production), plain HTTP on this machine:

  http://localhost:{varnish_port}/          Varnish (deploy/varnish/default.vcl)  <- open this
  http://127.0.0.1:{port}/           gunicorn, {workers} workers (WEB_CONCURRENCY), no cache
  db_worker                        background tasks ({env.get("TASKS_BACKEND", "database")})

  database      {env["DATABASE_URL"]}
  cache         {env["REDIS_URL"]}
  SECRET_KEY    from {key_source}
  ALLOWED_HOSTS {env["ALLOWED_HOSTS"]}
  purges        {env["FRONTEND_CACHE_URLS"]} (FRONTEND_CACHE_URLS)
  plain HTTP    {", ".join(f"{k}={v}" for k, v in stack.PLAIN_HTTP.items())}
                (a deployment keeps them on behind its TLS terminator)
  PAGE_CACHE={env["PAGE_CACHE"]}  SERVE_MEDIA={env["SERVE_MEDIA"]}  \
TRUSTED_PROXY_COUNT={env["TRUSTED_PROXY_COUNT"]}  \
STAFF_REQUIRE_2FA={env.get("STAFF_REQUIRE_2FA", "true (production)")}

Ctrl-C stops everything.""",
        flush=True,
    )


def run():
    env, port, varnish_port, workers, key_source = configuration()
    for wanted in (port, varnish_port):
        if stack.port_answers(wanted):
            raise stack.StackError(f"port {wanted} is already in use (set PORT / VARNISH_PORT)")
    if stack.varnishd_path() is None:
        raise stack.StackError("varnishd is missing: apt-get install varnish")
    prepare(env)
    processes = []
    with tempfile.TemporaryDirectory(prefix="soacha-serve-") as workdir:
        try:
            gunicorn = stack.start_gunicorn(env, port, workers)
            processes.append(gunicorn)
            stack.wait_for_http(port, process=gunicorn, name="gunicorn")
            varnish = stack.start_varnish(port, varnish_port, workdir)
            processes.append(varnish)
            stack.wait_for_port(varnish_port, process=varnish, name="varnishd")
            # Last: the purges it runs (Wagtail queues them as tasks) need Varnish up.
            processes.append(stack.start_worker(env))
            print_summary(env, port, varnish_port, workers, key_source)
            while True:
                for process in processes:
                    if process.poll() is not None:
                        raise stack.StackError(
                            f"{process.name} exited with status {process.returncode}"
                        )
                time.sleep(0.5)
        except (KeyboardInterrupt, Stop) as reason:
            print(f"\nstopping ({str(reason) or 'SIGINT'})", flush=True)
        finally:
            signal.signal(signal.SIGINT, signal.SIG_IGN)  # a second Ctrl-C must not cut this
            stack.stop_all(processes)
            names = ", ".join(process.name for process in reversed(processes))
            print(f"stopped: {names or 'nothing was running'}", flush=True)


def main():
    # Explicitly: a shell starting us in the background may have left SIGINT ignored.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, _raise_stop)
    signal.signal(signal.SIGHUP, _raise_stop)
    try:
        run()
    except stack.StackError as error:
        print(f"serve: {error}", file=sys.stderr)
        return 1
    except (KeyboardInterrupt, Stop):
        return 130
    return 0


if __name__ == "__main__":
    sys.exit(main())
