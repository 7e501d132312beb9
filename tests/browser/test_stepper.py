"""The graph stepper in Chromium: every number it shows after every step is descent.engine's.

The widget exposes each number it shows at full precision (data-value, data-grad, data-local:
shortest round-trip decimals); each is compared with the engine's to 1e-12 relative. The
partial gradients during the backward pass are those of Value.backward's walk (results before
their inputs, each node's inputs in written order), replayed from the engine's recorded local
derivatives; after the last edge they are the engine's own ``grad``.
"""

from __future__ import annotations

import gzip
import math
from pathlib import Path

import numpy as np
import pytest
from checks import (
    Watch,
    accessibility_violations,
    use_palette,
    wait_for_repairs,
    wait_until_typeset,
)

from descent import logistic
from descent.chapters.autograd import examples as ex
from descent.chapters.computation_graph import examples as bp
from descent.chapters.layers import tiny_mlp
from descent.chapters.neuron import examples as neuron
from descent.chapters.nonlinear_backprop import examples as nl
from descent.engine import Value
from descent.expression import ExpressionError, build
from descent.graph import graph, topological_order
from descent.optim import GD

SCRIPT = Path(__file__).resolve().parents[2] / "docs" / "javascripts" / "graph-stepper.js"
REL = 1e-12
PAGES = ["computation-graph/", "nonlinear-backprop/", "autograd/", "neuron/", "layers/"]

STATE_JS = """root => ({
  k: +root.dataset.k, steps: +root.dataset.steps, error: root.dataset.error || null,
  nodes: [...root.querySelectorAll('.gs-node')].map(g => ({
    value: g.dataset.value ?? null, grad: g.dataset.grad ?? null,
    text: g.querySelector('.gs-value').textContent,
    gradText: g.querySelector('.gs-grad') ? g.querySelector('.gs-grad').textContent : ''})),
  edges: [...root.querySelectorAll('.gs-edge')].map(g => ({
    local: g.dataset.local ?? null, text: g.querySelector('.gs-local').textContent})),
})"""


def engine_root(name: str, inputs: dict[str, float]) -> Value:
    """The root of the neuron's or the small MLP's graph at ``inputs``, labelled as on the page."""
    if name == "neuron":
        w, x = [inputs["w_1"], inputs["w_2"]], [inputs["x_1"], inputs["x_2"]]
        return logistic.neuron(w, inputs["b"], x)[0]
    if name == "mlp":
        return tiny_mlp.from_inputs(inputs)
    return build(name, inputs)  # a formula in a, b, c


def engine_graph(name: str, inputs: dict[str, float]):
    """The engine's graph of a book figure (or a formula) at ``inputs``, after backward."""
    if name in ("neuron", "mlp"):
        root = engine_root(name, inputs)
    elif name == "target":
        root = bp.forward(inputs["w"], inputs["b"])[0]
    elif name == "chain":
        root = nl.forward(inputs["x"])[0]
    elif name == "example":
        return graph(ex.example_graph(inputs["a"], inputs["b"]))
    else:
        root = build(name, inputs)
    root.backward()
    return graph(root)


def expected(nodes, k: int):
    """What the widget must show after ``k`` steps: values, partial gradients, local slopes."""
    forward = [n.index for n in nodes if n.parents]
    shown = {n.index for n in nodes if not n.parents} | set(forward[:k])
    edges = [(p, n.index, d) for n in nodes for p, d in zip(n.parents, n.local, strict=True)]
    first = np.cumsum([0] + [len(n.parents) for n in nodes])
    order = [first[n.index] + j for n in reversed(nodes) for j in range(len(n.parents))]
    m = max(0, k - len(forward))
    grad, touched = [0.0] * len(nodes), set()
    if m:
        grad[-1], touched = 1.0, {len(nodes) - 1}
    for e in order[:m]:
        p, c, d = edges[e]
        grad[p] += grad[c] * d
        if nodes[p].parents or nodes[p].label:  # an unnamed constant's box shows no gradient
            touched.add(p)
    values = [n.value if n.index in shown else None for n in nodes]
    grads = [grad[i] if i in touched else None for i in range(len(nodes))]
    locals_ = [d if e in set(order[:m]) else None for e, (_, _, d) in enumerate(edges)]
    return values, grads, locals_, len(forward) + len(edges)


def close(shown: str | None, want: float | None) -> bool:
    if shown is None or want is None:
        return shown is None and want is None
    return float(shown) == want or math.isclose(float(shown), want, rel_tol=REL)


def python_text(v: float, digits: tuple[str, int]) -> str:
    """A number as the page writes it: Python's format, a true minus sign, no −0."""
    s = f"{v:.{digits[1]}{digits[0]}}"
    if s.lstrip("-").strip("0.") == "":
        s = s.lstrip("-")
    return s.replace("-", "−", 1) if s.startswith("-") else s


def mismatches(state, nodes, k, digits=("g", 6)) -> list[str]:
    values, grads, locals_, steps = expected(nodes, k)
    out = [] if state["steps"] == steps else [f"{state['steps']} steps, expected {steps}"]
    for i, (n, v, g) in enumerate(zip(state["nodes"], values, grads, strict=True)):
        if not close(n["value"], v):
            out.append(f"k={k} node {i} value: page {n['value']}, engine {v}")
        if not close(n["grad"], g):
            out.append(f"k={k} node {i} grad: page {n['grad']}, engine {g}")
        if n["value"] is not None and n["text"] != python_text(float(n["value"]), digits):
            out.append(f"k={k} node {i} shows {n['text']!r} for {n['value']}")
    for e, (shown, want) in enumerate(zip(state["edges"], locals_, strict=True)):
        if not close(shown["local"], want):
            out.append(f"k={k} edge {e} local: page {shown['local']}, engine {want}")
    return out


def open_page(context, base_url: str, path: str):
    page = context.new_page()
    watch = Watch(base_url).attach(page)
    response = page.goto(base_url + path, wait_until="load")
    assert response is not None and response.status == 200
    page.wait_for_selector(".gs[data-ready]")
    return page, watch


def no_trouble(watch: Watch) -> None:
    assert not watch.foreign_requests()
    assert not watch.unexpected_failures()
    assert not watch.errors()


def state(root):
    return root.evaluate(STATE_JS)


def walk(root, nodes, digits) -> list[str]:
    """Step from the start to the end with the buttons, checking every number after each step."""
    root.locator("button.gs-reset").click()
    found = mismatches(state(root), nodes, 0, digits)
    for k in range(1, state(root)["steps"] + 1):
        root.locator("button.gs-fwd").click()
        found += mismatches(state(root), nodes, k, digits)
    root.locator("button.gs-back").click()  # one step back shows the state before the last
    found += mismatches(state(root), nodes, state(root)["steps"] - 1, digits)
    return found


BOOK = [
    ("computation-graph/", 0, "target", {"w": bp.W0, "b": bp.B0}, ("g", 6)),
    ("nonlinear-backprop/", 0, "chain", {"x": nl.X0}, ("f", 6)),
    ("autograd/", 0, "example", {"a": ex.EXAMPLE_A, "b": ex.EXAMPLE_B}, ("g", 6)),
    (
        "neuron/",
        0,
        "neuron",
        {
            "w_1": neuron.W[0],
            "w_2": neuron.W[1],
            "b": neuron.B,
            "x_1": neuron.X[0],
            "x_2": neuron.X[1],
        },
        ("g", 6),
    ),
    ("layers/", 0, "mlp", tiny_mlp.start(), ("g", 6)),
]


@pytest.mark.parametrize(("path", "nth", "name", "inputs", "digits"), BOOK, ids=lambda v: str(v))
@pytest.mark.parametrize("lang", ["", "en/"])
def test_every_step_of_each_book_graph_is_the_engines(context, base_url, path, nth, name,
                                                       inputs, digits, lang):  # fmt: skip
    page, watch = open_page(context, base_url, lang + path)
    root = page.locator(".gs").nth(nth)
    nodes = engine_graph(name, inputs)
    assert walk(root, nodes, digits) == []
    no_trouble(watch)


EDITS = [
    ("computation-graph/", "target", {"w": -1.25, "b": 0.3}),
    ("nonlinear-backprop/", "chain", {"x": -3.7}),
    ("autograd/", "example", {"a": 2.5, "b": -0.75}),
]


@pytest.mark.parametrize(("path", "name", "inputs"), EDITS, ids=[e[1] for e in EDITS])
def test_edited_inputs_are_recomputed(context, base_url, path, name, inputs):
    page, watch = open_page(context, base_url, path)
    root = page.locator(".gs").first
    for key, value in inputs.items():
        root.locator(f"input[id$='-{key}']").fill(repr(value))
    digits = ("f", 6) if name == "chain" else ("g", 6)
    assert walk(root, engine_graph(name, inputs), digits) == []
    no_trouble(watch)


def descent_log(root, steps: int):
    root.locator("button.gs-end").click()
    for _ in range(steps):
        root.locator("button.gs-gd").click()
    rows = root.evaluate(
        "r => [...r.querySelectorAll('.gs-log li')].map(li => [li.dataset.theta, li.dataset.loss])"
    )
    return [([float(t) for t in theta.split(",")], float(loss)) for theta, loss in rows]


def same_run(rows, thetas, losses) -> bool:
    return len(rows) == len(thetas) and all(
        all(close(repr(a), b) for a, b in zip(theta, want, strict=True)) and close(repr(J), L)
        for (theta, J), want, L in zip(rows, thetas, losses, strict=True)
    )


def test_a_descent_step_is_descents(context, base_url):
    page, watch = open_page(context, base_url, "computation-graph/")
    run = bp.descend_on_loss(2e-4, move="wb")  # the widget's defaults: η = 2·10⁻⁴, target 150
    rows = descent_log(page.locator(".gs").first, 3)
    assert same_run(rows, run.thetas[:4], run.losses[:4])
    assert not same_run(rows, bp.descend_on_loss(1e-4, move="wb").thetas[:4], run.losses[:4])

    page, _ = open_page(context, base_url, "en/nonlinear-backprop/")
    root = page.locator(".gs").first
    root.locator("input[id$='-target']").fill("1.5")
    root.locator("input[id$='-lr']").fill("3")
    run = nl.descend_on_chain(3.0, target=1.5)
    assert run.steps >= 3
    assert same_run(descent_log(root, 3), run.thetas[:4], run.losses[:4])
    no_trouble(watch)


def test_a_descent_step_on_the_example_is_plain_gradient_descent(context, base_url):
    page, watch = open_page(context, base_url, "autograd/")
    rows = descent_log(page.locator(".gs").first, 4)
    theta, thetas, losses = np.array([ex.EXAMPLE_A, ex.EXAMPLE_B]), [], []
    for _ in range(5):
        a, b = Value(theta[0], label="a"), Value(theta[1], label="b")
        J = 0.5 * (((a * b + a.sin()) * b) - 0.0) ** 2  # the widget's J with target 0
        J.backward()
        thetas.append(theta)
        losses.append(J.data)
        theta = GD(0.05).step(theta, np.array([a.grad, b.grad]))
    assert same_run(rows, thetas, losses)
    no_trouble(watch)


def test_the_acceptance_story_three_backward_steps_on_the_chain(context, base_url):
    """dc/db = 1/(2√b), db/da = 1/a, da/dx = 2x multiply into dc/dx, with the table's digits."""
    page, watch = open_page(context, base_url, "nonlinear-backprop/")
    root = page.locator(".gs").first
    table = page.evaluate(
        """() => { const h = document.getElementById('local-derivatives');
        const t = [...document.querySelectorAll('table')].find(t =>
          h.compareDocumentPosition(t) & Node.DOCUMENT_POSITION_FOLLOWING);
        return [...t.tBodies[0].rows].map(r => r.cells[r.cells.length - 1].textContent.trim());
        }"""
    )
    da_dx, db_da, dc_db, dc_dx = table
    edges = root.locator(".gs-edge .gs-local")
    x_grad = root.locator(".gs-node").first.locator(".gs-grad")
    for press, (edge, digits) in enumerate(((2, dc_db), (1, db_da), (0, da_dx)), start=1):
        root.locator("button.gs-bwd").click()
        assert edges.nth(edge).text_content() == digits
        assert (x_grad.text_content() == "") == (press < 3)
    assert x_grad.text_content() == f"x\u0304 = {dc_dx}"
    s = state(root)
    product = math.prod(float(e["local"]) for e in s["edges"])
    assert math.isclose(float(s["nodes"][0]["grad"]), product, rel_tol=REL)
    assert "0.424661" in root.locator(".gs-status").text_content()
    no_trouble(watch)


# ---- the neuron and the small MLP at random inputs, and their descent steps ---------------------

PARAMS = {"neuron": ["w_1", "w_2", "b"], "mlp": tiny_mlp.PARAMS}
NETS = [("neuron/", "neuron"), ("layers/", "mlp"), ("en/neuron/", "neuron"), ("en/layers/", "mlp")]


def random_inputs(rng, name: str) -> tuple[dict[str, float], float, float]:
    """Random editable inputs, a target (a probability for the neuron) and a learning rate."""
    if name == "neuron":
        inputs = {k: float(rng.uniform(-2, 2)) for k in ("w_1", "w_2", "b", "x_1", "x_2")}
        return inputs, float(rng.uniform(0, 1)), float(rng.uniform(0.2, 2))
    inputs = {k: float(rng.uniform(-1.5, 1.5)) for k in tiny_mlp.INPUTS}
    return inputs, float(rng.uniform(-2, 2)), float(rng.uniform(0.02, 0.3))


def engine_descent(name: str, inputs: dict[str, float], target: float, lr: float, steps: int):
    """θ and J before each of ``steps`` steps of optim.GD on the engine's ∂J/∂θ and after them."""
    params = PARAMS.get(name, sorted(inputs))
    values, thetas, losses = dict(inputs), [], []
    for _ in range(steps + 1):
        f = engine_root(name, values)
        if name == "neuron":  # binary cross-entropy with the label y = target
            J = -(target * f.log() + (1 - target) * (1 - f).log())
        else:
            J = 0.5 * (f - target) ** 2
        J.backward()
        leaves = {n.label: n for n in topological_order(J) if not n._parents and n.label}
        theta = np.array([values[p] for p in params])
        thetas.append(theta)
        losses.append(J.data)
        theta = GD(lr).step(theta, np.array([leaves[p].grad for p in params]))
        values |= dict(zip(params, theta.tolist(), strict=True))
    return thetas, losses


@pytest.mark.parametrize(("path", "name"), NETS, ids=[p + n for p, n in NETS])
def test_random_inputs_and_descent_steps_are_the_engines(context, base_url, path, name):
    rng = np.random.default_rng(13 + NETS.index((path, name)))
    page, watch = open_page(context, base_url, path)
    root = page.locator(".gs").first
    for _ in range(2):
        inputs, target, lr = random_inputs(rng, name)
        for key, value in (inputs | {"target": target, "lr": lr}).items():
            root.locator(f"input[id$='-{key}']").fill(repr(value))
        assert walk(root, engine_graph(name, inputs), ("g", 6)) == []
        steps = 4
        thetas, losses = engine_descent(name, inputs, target, lr, steps)
        assert losses[-1] < losses[0]  # the reader watches the loss fall
        rows = descent_log(root, steps)
        assert same_run(rows, thetas, losses)
        # after the steps the graph is the engine's at the page's new parameters, at every step
        after = inputs | dict(zip(PARAMS[name], rows[-1][0], strict=True))
        assert walk(root, engine_graph(name, after), ("g", 6)) == []
    no_trouble(watch)


def test_a_node_that_feeds_two_shows_its_two_terms(context, base_url):
    page, watch = open_page(context, base_url, "en/layers/")
    root = page.locator(".gs").first
    nodes = engine_graph("mlp", tiny_mlp.start())
    x1 = next(n for n in nodes if n.label == "x_1")
    after = reversed(nodes)  # the backward pass adds the terms from the later node first
    terms = [c.grad * d for c in after for p, d in zip(c.parents, c.local, strict=True)
             if p == x1.index]  # fmt: skip
    assert len(terms) == 2
    said = []
    for _ in range(state(root)["steps"]):
        root.locator("button.gs-fwd").click()
        said.append(root.locator(".gs-status").text_content())
    box = root.locator(".gs-node").nth(x1.index)
    shown = box.locator(".gs-terms").text_content()
    want = "= " + python_text(terms[0], ("g", 4)) + (" − " if terms[1] < 0 else " + ")
    assert shown == want + python_text(abs(terms[1]), ("g", 4))
    assert box.locator(".gs-grad").text_content() == f"x\u0304₁ = {python_text(x1.grad, ('g', 6))}"
    assert sum("x₁ grows by" in line for line in said) == 2
    assert sum("(the sum of 2 paths)" in line and "x₁ grows" in line for line in said) == 1
    no_trouble(watch)


def test_a_descent_step_in_the_formula_box_is_descents(context, base_url):
    rng = np.random.default_rng(5)
    page, watch = open_page(context, base_url, "en/autograd/")
    root = page.locator(".gs").nth(1)
    text = "tanh(a * b) + c ^ 2 - sigmoid(a)"
    inputs = {v: float(rng.uniform(-1, 1)) for v in "abc"}
    target, lr = float(rng.uniform(-1, 1)), float(rng.uniform(0.1, 0.5))
    enter(root, text, inputs | {"target": target, "lr": lr})
    thetas, losses = engine_descent(text, inputs, target, lr, 4)
    assert losses[-1] < losses[0]
    assert same_run(descent_log(root, 4), thetas, losses)
    no_trouble(watch)


def test_the_neuron_refuses_a_target_that_is_no_probability(context, base_url):
    page, watch = open_page(context, base_url, "en/neuron/")
    root = page.locator(".gs").first
    root.locator("input[id$='-target']").fill("1.5")
    assert root.locator(".gs-error").text_content() == "the target must lie between 0 and 1"
    assert root.locator("input[id$='-target']").get_attribute("aria-invalid") == "true"
    root.locator("input[id$='-target']").fill("0")
    assert root.locator(".gs-error").text_content() == ""
    no_trouble(watch)


# ---- formulas ---------------------------------------------------------------------------------

FUNCS = ["exp", "log", "tanh", "relu", "sin", "sqrt", "sigmoid"]


def random_formula(rng, depth: int = 0) -> str:
    if depth >= 3 or rng.random() < 0.2:
        return str(rng.choice(["a", "b", "c", "a", "b", "2", "0.5", "1.5"]))
    kind = rng.choice(["+", "-", "*", "/", "^", "f", "neg"])
    if kind == "f":
        return f"{rng.choice(FUNCS)}({random_formula(rng, depth + 1)})"
    if kind == "^":
        return f"({random_formula(rng, depth + 1)})^{rng.choice(['2', '3', '-1', '0.5'])}"
    if kind == "neg":
        return f"-({random_formula(rng, depth + 1)})"
    op = {"*": rng.choice(["*", "×"]), "/": rng.choice(["/", "÷"])}.get(kind, kind)
    return f"({random_formula(rng, depth + 1)} {op} {random_formula(rng, depth + 1)})"


def enter(root, text: str, inputs: dict[str, float]) -> None:
    box = root.locator("input[id$='-expr']")
    box.fill(text)
    box.press("Enter")
    for key, value in inputs.items():
        field = root.locator(f"input[id$='-{key}']")
        if field.count():
            field.fill(repr(value))


def test_random_formulas_are_the_engines(context, base_url):
    rng = np.random.default_rng(13)
    page, watch = open_page(context, base_url, "autograd/")
    root = page.locator(".gs").nth(1)
    checked = refused = 0
    for _ in range(14):
        text = random_formula(rng)
        inputs = {v: float(rng.uniform(-2, 2)) for v in "abc"}
        enter(root, text, inputs)
        try:
            nodes = engine_graph(text, inputs)
        except (ValueError, ZeroDivisionError, OverflowError):
            assert state(root)["error"] == "compute", text  # the engine refused: so must the page
            assert root.locator(".gs-error").text_content().startswith("无法计算")
            refused += 1
            continue
        assert state(root)["error"] is None, text
        assert walk(root, nodes, ("g", 6)) == [], text
        checked += 1
    assert checked >= 8
    no_trouble(watch)


BAD = ["", "a +", "(a + b", "2a", "foo(a)", "exp a", "a ^ b", "a $ b", "a + )"]


@pytest.mark.parametrize("lang", ["", "en/"])
def test_bad_formulas_get_a_message(context, base_url, lang):
    page, watch = open_page(context, base_url, lang + "autograd/")
    root = page.locator(".gs").nth(1)
    for text in BAD:
        enter(root, text, {})
        assert state(root)["error"] == "parse", text
        message = root.locator(".gs-error").text_content()
        assert message.startswith("Cannot read" if lang else "无法读懂"), message
        with pytest.raises(ExpressionError) as python:  # the Python twin stops at the same place
            build(text, {})
        where = python.value.position + 1
        assert (f"(at character {where})" if lang else f"（第 {where} 个字符）") in message
        assert root.locator(".gs-node").count() == 0
    enter(root, "log(a)", {"a": -1.0})
    assert state(root)["error"] == "compute"
    enter(root, "a * b", {"a": 1.5, "b": 2.0})
    assert state(root)["error"] is None and root.locator(".gs-node").count() == 3
    no_trouble(watch)


# ---- keyboard, phones, layout, loading, accessibility -----------------------------------------


def test_the_keyboard_alone(context, base_url):
    page, _ = open_page(context, base_url, "en/computation-graph/")
    root = page.locator(".gs").first
    root.locator(".gs-graph").focus()
    for key, k in (("ArrowRight", 1), ("ArrowRight", 2), ("End", 18), ("ArrowLeft", 17),
                   ("Home", 0)):  # fmt: skip
        page.keyboard.press(key)
        assert state(root)["k"] == k, key
    page.keyboard.press("Tab")  # the graph, then its buttons: Reset, Step back, Forward step
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.classList.contains('gs-fwd')")
    page.keyboard.press("Enter")
    assert state(root)["k"] == 1
    root.locator("input[id$='-w']").focus()
    page.keyboard.press("ArrowRight")  # inside a field the arrows move the caret
    assert state(root)["k"] == 1


def test_on_a_phone(chromium, base_url):
    context = chromium.new_context(viewport={"width": 390, "height": 844})
    for path in PAGES:
        page, watch = open_page(context, base_url, path)
        assert page.evaluate("() => document.documentElement.scrollWidth") <= 390
        for root in page.locator(".gs").all():
            box = root.bounding_box()
            assert box["x"] >= 0 and box["x"] + box["width"] <= 390
            area = root.locator(".gs-graph")
            wide = area.evaluate("a => a.scrollWidth > a.clientWidth")
            assert area.get_attribute("tabindex") == "0" and (wide or path == "autograd/")
        no_trouble(watch)
    context.close()


@pytest.mark.parametrize("width", [390, 1280])
def test_the_widget_takes_the_height_reserved_for_it(chromium, base_url, width):
    context = chromium.new_context(viewport={"width": width, "height": 900})
    for path in [*PAGES, "en/autograd/"]:
        heights = []
        for blocked in (True, False):
            page = context.new_page()
            if blocked:
                page.route("**/graph-stepper.js", lambda route: route.abort())
            page.goto(base_url + path, wait_until="load")
            if not blocked:
                page.wait_for_selector(".gs[data-ready]")
            heights.append(page.locator(".gs").evaluate_all(
                "els => els.map(e => e.getBoundingClientRect().height)"))  # fmt: skip
            page.close()
        reserved, built = heights
        assert all(abs(a - b) < 1 for a, b in zip(reserved, built, strict=True)), (path, heights)
    context.close()


def test_only_pages_with_a_stepper_load_it(context, base_url, site_dir):
    loading = sorted(
        p.parent.relative_to(site_dir).as_posix() + "/"
        for p in site_dir.rglob("index.html")
        if "graph-stepper" in p.read_text(encoding="utf-8")
    )
    assert loading == sorted(PAGES + [f"en/{p}" for p in PAGES])
    for path in ["loss/", "gradient-descent/", "en/loss/", "en/gradient-descent/"]:
        page = context.new_page()
        watch = Watch(base_url).attach(page)
        page.goto(base_url + path, wait_until="load")
        page.wait_for_load_state("networkidle")
        assert not [u for u in watch.requests if "graph-stepper" in u]
        page.close()
    size = len(gzip.compress(SCRIPT.read_bytes(), 9))
    assert size <= 30_000, f"graph-stepper.js is {size} bytes gzipped"


def test_the_widget_speaks_the_pages_language(context, base_url):
    for lang, label, status in (("", "反向一步", "共"), ("en/", "Backward step", "steps.")):
        page, _ = open_page(context, base_url, lang + "nonlinear-backprop/")
        root = page.locator(".gs").first
        assert root.locator("button.gs-bwd").text_content() == label
        assert status in root.locator(".gs-status").text_content()
        assert root.locator(".gs-status").get_attribute("aria-live") == "polite"


@pytest.mark.parametrize("path", ["autograd/", "neuron/", "en/layers/"])
@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_no_serious_accessibility_violation(context, base_url, scheme, path):
    page, _ = open_page(context, base_url, path)
    page.locator(".gs").first.locator("button.gs-end").click()
    for _ in range(4):  # enough steps for the loss log to scroll
        page.locator(".gs").first.locator("button.gs-gd").click()
    if path == "autograd/":
        enter(page.locator(".gs").nth(1), "a +", {})
    use_palette(page, scheme)
    wait_until_typeset(page)
    wait_for_repairs(page)
    assert accessibility_violations(page) == []


# ---- the comparison can fail ------------------------------------------------------------------

SUM = "grad[p] += add; // chain rule: one term per path through c"


def test_a_broken_chain_rule_fails_the_comparison(context, base_url):
    script = SCRIPT.read_text(encoding="utf-8")
    assert script.count(SUM) == 1, "the line this test breaks has changed: update the test"
    page = context.new_page()
    page.route(
        "**/javascripts/graph-stepper.js",
        lambda route: route.fulfill(
            body=script.replace(SUM, SUM.replace("+=", "=")), content_type="text/javascript"
        ),
    )
    page.goto(base_url + "computation-graph/", wait_until="load")
    page.wait_for_selector(".gs[data-ready]")
    found = walk(page.locator(".gs").first, engine_graph("target", {"w": 3.0, "b": 4.0}), ("g", 6))
    assert any("grad" in line for line in found), "a gradient that forgets a path went unnoticed"
