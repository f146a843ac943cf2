#!/usr/bin/env python3
"""HTTP Basic against a bearer token on GET /api/me, as docs/operating.md reports it.

Start the release jar first (java -jar target/minqing.jar, MINQING_ADMIN_PASSWORD set), then:
    MINQING_USER=admin MINQING_PASSWORD=... python3 scripts/sign-in-load.py [threads] [seconds]
Each thread keeps one connection and sends one request after another; latencies are sorted for the percentiles.
"""
import base64, http.client, json, os, sys, threading, time

HOST, PORT = os.environ.get("MINQING_HOST", "localhost"), int(os.environ.get("MINQING_PORT", "8080"))
USER, PASSWORD = os.environ.get("MINQING_USER", "admin"), os.environ["MINQING_PASSWORD"]
THREADS = int(sys.argv[1]) if len(sys.argv) > 1 else 8
SECONDS = int(sys.argv[2]) if len(sys.argv) > 2 else 20


def run(seconds, headers):
    latencies, errors, stop = [], [0], time.time() + seconds

    def worker():
        connection = http.client.HTTPConnection(HOST, PORT)
        while time.time() < stop:
            started = time.perf_counter()
            connection.request("GET", "/api/me", headers=headers)
            response = connection.getresponse()
            response.read()
            if response.status != 200:
                errors[0] += 1
            latencies.append(time.perf_counter() - started)

    threads = [threading.Thread(target=worker) for _ in range(THREADS)]
    [t.start() for t in threads]
    [t.join() for t in threads]
    latencies.sort()
    n = len(latencies)
    return (f"{n / seconds:7.1f} requests/s  p50 {latencies[n // 2] * 1000:6.1f} ms  "
            f"p95 {latencies[int(n * 0.95)] * 1000:6.1f} ms  p99 {latencies[int(n * 0.99)] * 1000:6.1f} ms  errors {errors[0]}")


basic = {"Authorization": "Basic " + base64.b64encode(f"{USER}:{PASSWORD}".encode()).decode()}
connection = http.client.HTTPConnection(HOST, PORT)
connection.request("POST", "/api/tokens", body=json.dumps({"name": "sign-in-load"}),
                   headers={**basic, "Content-Type": "application/json"})
token = json.loads(connection.getresponse().read())["token"]
bearer = {"Authorization": "Bearer " + token}

run(5, basic)  # warm-up
print(f"HTTP Basic,   {THREADS} threads, {SECONDS} s: {run(SECONDS, basic)}")
print(f"Bearer token, {THREADS} threads, {SECONDS} s: {run(SECONDS, bearer)}")
