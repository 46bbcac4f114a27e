#!/usr/bin/env python3
"""The serving benchmark's reference stack: FastAPI + uvicorn + scikit-learn Ridge.

Trains a Ridge regression on the same rows Ballast's Tribuo model is trained on (the CSV that
bench/serving.sh writes: f0..f9,y; or, without --data, rows drawn here with the same recipe) and
serves it as POST /predict with the same JSON body as Ballast's predict endpoint,
{"inputs": {"f0": ..., ..., "f9": ...}}, validated by a Pydantic model. uvicorn runs it with its
default single worker on loopback. Two choices give the reference its best showing: the endpoint
is `async def` (no thread-pool hop per request) and uvicorn's access log is off (Ballast logs no
line per request by default either). It does no authentication, which Ballast does.

Started and stopped by dev.ballast.bench.ServingBenchmark; by hand:
    python3 bench/reference/serve_ridge.py --port 8765 [--data rows.csv]
    python3 bench/reference/serve_ridge.py --versions
"""
import argparse
import sys

FEATURES = [f"f{i}" for i in range(10)]


def versions():
    import fastapi
    import pydantic
    import sklearn
    import uvicorn
    parts = [f"python {sys.version.split()[0]}", f"fastapi {fastapi.__version__}", f"uvicorn {uvicorn.__version__}",
             f"pydantic {pydantic.VERSION}", f"scikit-learn {sklearn.__version__}"]
    for optional in ("uvloop", "httptools"):
        try:
            module = __import__(optional)
            parts.append(f"{optional} {getattr(module, '__version__', 'installed')}")
        except ImportError:
            parts.append(f"no {optional}")
    return ", ".join(parts)


def training_rows(path, rows=5000, seed=20240611):
    import numpy as np
    if path:
        data = np.loadtxt(path, delimiter=",", skiprows=1)
        return data[:, :10], data[:, 10]
    weights = np.array([1.5, -2.0, 0.7, 0.0, 3.1, -0.4, 1.1, -1.8, 0.25, 2.2])
    rng = np.random.default_rng(seed)
    x = rng.uniform(-1, 1, size=(rows, 10))
    return x, x @ weights + 0.5 + rng.normal(0, 0.05, size=rows)


def build_app(model):
    import numpy as np
    from fastapi import FastAPI
    from pydantic import BaseModel

    class Features(BaseModel):
        f0: float
        f1: float
        f2: float
        f3: float
        f4: float
        f5: float
        f6: float
        f7: float
        f8: float
        f9: float

    class PredictRequest(BaseModel):
        inputs: Features

    app = FastAPI(title="reference: Ridge on FastAPI")

    @app.post("/predict")
    async def predict(request: PredictRequest):
        f = request.inputs
        x = np.array([[f.f0, f.f1, f.f2, f.f3, f.f4, f.f5, f.f6, f.f7, f.f8, f.f9]])
        value = float(model.predict(x)[0])
        return {"predictions": [{"value": value}], "model": "ridge", "version": "1"}

    @app.get("/health")
    async def health():
        return {"status": "UP"}

    return app


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--data", help="training CSV with header f0..f9,y")
    parser.add_argument("--versions", action="store_true", help="print the stack's versions and exit")
    args = parser.parse_args()
    if args.versions:
        print(versions())
        return
    import uvicorn
    from sklearn.linear_model import Ridge
    x, y = training_rows(args.data)
    model = Ridge(alpha=1.0).fit(x, y)
    print(f"ridge trained on {len(y)} rows, r2={model.score(x, y):.4f}", flush=True)
    uvicorn.run(build_app(model), host=args.host, port=args.port, workers=1, access_log=False, log_level="warning")


if __name__ == "__main__":
    main()
