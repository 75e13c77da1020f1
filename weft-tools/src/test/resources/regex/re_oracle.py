# CPython's answers for weft's regex conformance test: one JSON case per input line, one json.dumps line out.
import json
import re
import sys
import warnings

warnings.simplefilter("ignore")


def as_dict(m):
    if m is None:
        return None
    return {"span": list(m.span()), "group": m.group(0), "groups": list(m.groups()), "groupdict": m.groupdict()}


def answer(case):
    try:
        p = re.compile(case["pattern"], case["flags"])
        fn, text, limit = case["fn"], case["text"], case["max"]
        if fn in ("search", "match", "fullmatch"):
            return as_dict(getattr(p, fn)(text))
        if fn == "findall":
            return p.findall(text)
        if fn == "finditer":
            return [as_dict(m) for m in p.finditer(text)]
        if fn == "sub":
            return p.sub(case["repl"], text, count=limit)
        if fn == "subn":
            return list(p.subn(case["repl"], text, count=limit))
        if fn == "split":
            return p.split(text, maxsplit=limit)
        raise ValueError(fn)
    except re.error as e:
        return {"error": e.msg, "pos": e.pos}
    except ValueError as e:
        return {"error": str(e), "pos": None}
    except IndexError as e:
        return {"error": e.args[0], "pos": None}


for line in sys.stdin:
    print(json.dumps(answer(json.loads(line))))
