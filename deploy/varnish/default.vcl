# Varnish in front of Portal Soacha (issue 16). Varnish 7 (Debian's `varnish`).
#
# What is cached: anonymous GET and HEAD responses that the application marks
# `public` (cms/http_caching.py), for their `s-maxage`. What passes: POSTs, the admin,
# sign-in pages, and every request carrying a personal cookie (a session, the surveys'
# browser token, messages), whose responses the application marks `private, no-store`.
# Tracking query strings are dropped before the lookup. PURGE (one URL) and BAN (a
# regular expression of URLs) are accepted only from the application servers (acl
# purgers), which send them on publish (wagtail.contrib.frontend_cache, cms/purge.py).
#
# The backend below is gunicorn as `make serve` starts it (scripts/stack.py rewrites its
# port); a deployment edits it, or lists several gunicorn hosts with a director (README,
# "Production stack").

vcl 4.1;

import std;

backend default {
    .host = "127.0.0.1";
    .port = "8000";
    .connect_timeout = 2s;
    .first_byte_timeout = 30s;
    .probe = {
        .url = "/robots.txt";
        .interval = 5s;
        .timeout = 2s;
        .window = 3;
        .threshold = 2;
        # Healthy from the start: no 503 while the first probes are on their way.
        .initial = 3;
    }
}

acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(403, "Forbidden"));
        }
        return (purge);
    }
    if (req.method == "BAN") {
        if (client.ip !~ purgers) {
            return (synth(403, "Forbidden"));
        }
        ban("obj.http.x-url ~ " + req.http.X-Ban-Url);
        return (synth(200, "Banned"));
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    if (req.url ~ "^/(admin|django-admin)/" || req.url ~ "^/[a-z]{2}/cuentas/") {
        return (pass);
    }
    # Campaign parameters change nothing on the page: one object for all of them.
    set req.url = regsuball(req.url, "(?i)([?&])(utm_[a-z]+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|_ga)=[^&]*", "\1");
    set req.url = regsuball(req.url, "&{2,}", "&");
    set req.url = regsub(req.url, "\?&", "?");
    set req.url = regsub(req.url, "[?&]$", "");
    if (req.http.Cookie ~ "(^|;\s*)(sessionid|soacha_encuestas|soacha_valoracion|messages)=") {
        return (pass);
    }
    # Anything else in Cookie (a CSRF cookie, analytics) must not split the cache.
    unset req.http.Cookie;
    return (hash);
}

sub vcl_hash {
    # One object per URL and host name, whatever port the Host header names: the purges
    # name the Wagtail site's host ("localhost" for the demo, without the port of
    # `make serve`'s http://localhost:8080), and a host differs from itself with a port
    # only on such local runs.
    hash_data(req.url);
    if (req.http.host) {
        hash_data(regsub(req.http.host, ":[0-9]+$", ""));
    } else {
        hash_data(server.ip);
    }
    return (lookup);
}

sub vcl_backend_response {
    # Kept for BAN: bans on obj.http.x-url are evaluated by the ban lurker.
    set beresp.http.x-url = bereq.url;
    if (beresp.http.Set-Cookie || beresp.http.Cache-Control !~ "public" ||
        beresp.http.Cache-Control ~ "(private|no-store|no-cache)") {
        # Personal or undecided: never stored; remember that for two minutes.
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }
    # While the application is slow or down, serve what we have for a while.
    set beresp.grace = 10m;
    return (deliver);
}

sub vcl_deliver {
    unset resp.http.x-url;
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
}
