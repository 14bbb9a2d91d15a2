"""Saves one new figure per second through the API (as an editor's script would),
printing each save's latency, until killed. Usage: saver.py BASE TOKEN SECONDS"""
import json, sys, time, urllib.request

base, token, seconds = sys.argv[1], sys.argv[2], float(sys.argv[3])
lat = []
start = time.time()
i = 0
while time.time() - start < seconds:
    t0 = time.time()
    rec = {"type": "figure", "id": f"f-load-{int(t0*1000)}", "metric": "political_prisoners_held",
           "value": 1000 + i, "as_of": "2025-01-01", "country": "BY"}
    body = json.dumps({"record": rec, "reason": "load test"}).encode()
    req = urllib.request.Request(base + "/api/v1/records", data=body, method="POST",
                                 headers={"content-type": "application/json",
                                          "authorization": "Bearer " + token})
    try:
        with urllib.request.urlopen(req) as r:
            r.read()
            code = r.status
    except urllib.error.HTTPError as e:
        code = e.code
        print("error", code, e.read()[:300], flush=True)
    dt = time.time() - t0
    lat.append(dt)
    i += 1
    time.sleep(max(0.0, 1.0 - dt))
lat.sort()
print(json.dumps({"saves": len(lat), "p50_ms": round(lat[len(lat)//2]*1000, 1),
                  "max_ms": round(lat[-1]*1000, 1)}), flush=True)
