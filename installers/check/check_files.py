#!/usr/bin/env python3
"""Checks the farm files that cannot be run here: Kubernetes manifests, cloud-init, Dockerfile.

    check_files.py INSTALLERS_DIR PROJECT_OUT

Prints one line per finding; exits 1 when something is wrong. Writes the project held by the
controller's ConfigMap to PROJECT_OUT so that the caller can run `throng validate` on it.
Uses PyYAML when installed (python3-yaml) for the full checks; without it, falls back to a strict
reading of the top-level `apiVersion:`/`kind:` lines of each document (and says so).
"""
import os
import re
import sys

try:
    import yaml
except ImportError:  # the fallback below still checks kinds
    yaml = None

EXPECTED_KINDS = {
    "namespace.yaml": ["Namespace"],
    "project.yaml": ["ConfigMap"],
    "controller.yaml": ["Service", "Job"],
    "agents.yaml": ["Deployment"],
}
CONTROLLER_PORT = 5557

problems = []


def problem(text):
    problems.append(text)
    print(f"check_files: {text}")


def documents_without_yaml(text):
    """Splits on '---' lines and reads top-level kind/apiVersion lines; strict about both."""
    docs = []
    for chunk in re.split(r"^---[ \t]*$", text, flags=re.M):
        lines = [line for line in chunk.splitlines() if line.strip() and not line.lstrip().startswith("#")]
        if not lines:
            continue
        kinds = [m.group(1) for line in lines if (m := re.fullmatch(r"kind:[ \t]*([A-Za-z]+)[ \t]*", line))]
        versions = [line for line in lines if re.fullmatch(r"apiVersion:[ \t]*\S+[ \t]*", line)]
        for line in lines:
            if "\t" in line[: len(line) - len(line.lstrip())]:
                problem(f"a tab in the indentation: {line!r}")
        docs.append({"kind": kinds[0] if len(kinds) == 1 else None, "apiVersion": bool(versions)})
        if len(kinds) != 1 or len(versions) != 1:
            problem(f"a document without exactly one top-level kind and apiVersion: {lines[0]!r}")
    return docs


def load(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    if yaml is None:
        return documents_without_yaml(text)
    return [d for d in yaml.safe_load_all(text) if d is not None]


def labels_match(selector, labels, what):
    for key, value in (selector or {}).items():
        if labels.get(key) != value:
            problem(f"{what}: selector {key}={value} does not match the pod labels {labels}")


def check_pod(spec, what):
    security = spec.get("securityContext", {})
    if security.get("runAsNonRoot") is not True:
        problem(f"{what}: pods must run as non-root (securityContext.runAsNonRoot: true)")
    for container in spec["containers"]:
        resources = container.get("resources", {})
        for part in ("requests", "limits"):
            for key in ("cpu", "memory"):
                if key not in resources.get(part, {}):
                    problem(f"{what}: container {container['name']} has no resources.{part}.{key}")
        mounts = {m["name"] for m in container.get("volumeMounts", [])}
        volumes = {v["name"] for v in spec.get("volumes", [])}
        if not mounts <= volumes:
            problem(f"{what}: mounts {sorted(mounts - volumes)} name no volume")


def check_kubernetes(directory, project_out):
    found = {}
    for name in sorted(os.listdir(directory)):
        if name.endswith((".yaml", ".yml")):
            found[name] = load(os.path.join(directory, name))
    for name, kinds in EXPECTED_KINDS.items():
        if name not in found:
            problem(f"kubernetes/{name} is missing")
            continue
        got = [d.get("kind") for d in found[name]]
        if got != kinds:
            problem(f"kubernetes/{name}: kinds {got}, expected {kinds}")
    if yaml is None:
        print("check_files: PyYAML is not installed (apt-get install python3-yaml): checked kinds only")
        return

    objects = {(d["kind"], d["metadata"]["name"]): d for docs in found.values() for d in docs}
    for (kind, name), d in objects.items():
        if kind != "Namespace" and d["metadata"].get("namespace") != "throng":
            problem(f"{kind} {name} is not in the throng namespace")

    service = objects[("Service", "throng-controller")]
    job = objects[("Job", "throng-controller")]
    deployment = objects[("Deployment", "throng-agent")]
    if [p["port"] for p in service["spec"]["ports"]] != [CONTROLLER_PORT]:
        problem(f"the controller Service must expose port {CONTROLLER_PORT}")
    job_pod = job["spec"]["template"]
    labels_match(service["spec"]["selector"], job_pod["metadata"]["labels"], "Service throng-controller")
    labels_match(deployment["spec"]["selector"]["matchLabels"], deployment["spec"]["template"]["metadata"]["labels"],
                 "Deployment throng-agent")
    if not isinstance(deployment["spec"].get("replicas"), int):
        problem("the agent Deployment has no replicas count")
    check_pod(job_pod["spec"], "Job throng-controller")
    check_pod(deployment["spec"]["template"]["spec"], "Deployment throng-agent")

    agent_args = deployment["spec"]["template"]["spec"]["containers"][0]["args"]
    if agent_args[:1] != ["agent"] or f"tcp://throng-controller:{CONTROLLER_PORT}" not in agent_args:
        problem(f"agents must run `agent --controller tcp://throng-controller:{CONTROLLER_PORT}`: {agent_args}")
    controller_args = job_pod["spec"]["containers"][0]["args"]
    for flag, value in (("--bind", f"tcp://*:{CONTROLLER_PORT}"), ("--keys", "/keys"), ("--agents", None)):
        if flag not in controller_args or (value and controller_args[controller_args.index(flag) + 1] != value):
            problem(f"the controller must run with {flag} {value or 'N'}: {controller_args}")
    project_path = controller_args[1]
    mount = next(m for m in job_pod["spec"]["containers"][0]["volumeMounts"] if project_path.startswith(m["mountPath"]))
    volume = next(v for v in job_pod["spec"]["volumes"] if v["name"] == mount["name"])
    config_map = objects[("ConfigMap", volume["configMap"]["name"])]
    with open(project_out, "w", encoding="utf-8") as f:
        f.write(config_map["data"][os.path.basename(project_path)])

    agent_keys = {i["path"] for v in deployment["spec"]["template"]["spec"]["volumes"] if "secret" in v
                  for i in v["secret"]["items"]}
    if agent_keys != {"controller.pub", "agent.key"}:
        problem(f"the agents' key folder must hold controller.pub and agent.key, not {sorted(agent_keys)}")
    controller_keys = {i["path"] for v in job_pod["spec"]["volumes"] if "projected" in v
                       for s in v["projected"]["sources"] for i in s["secret"]["items"]}
    if "controller.key" not in controller_keys or not any(k.startswith("authorized/") for k in controller_keys):
        problem(f"the controller's key folder must hold controller.key and authorized/*.pub: {sorted(controller_keys)}")


def check_cloud_init(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    if not text.startswith("#cloud-config\n"):
        problem("agent/cloud-init.yaml must start with the line #cloud-config")
    for needed in ("apt-get install", "systemctl enable --now throng-agent", "sysctl --system"):
        if needed not in text:
            problem(f"agent/cloud-init.yaml does not run '{needed}'")
    if yaml is None:
        return
    data = yaml.safe_load(text)
    paths = {f["path"] for f in data.get("write_files", [])}
    for needed in ("/etc/throng/agent.env", "/etc/throng/keys/controller.pub", "/etc/throng/keys/agent.key"):
        if needed not in paths:
            problem(f"agent/cloud-init.yaml does not write {needed}")
    if not isinstance(data.get("runcmd"), list):
        problem("agent/cloud-init.yaml has no runcmd list")


def check_dockerfile(path):
    with open(path, encoding="utf-8") as f:
        lines = [line.strip() for line in f if line.strip() and not line.lstrip().startswith("#")]
    instructions = [line.split()[0].upper() for line in lines if not line.startswith(("&&", "--"))
                    and re.match(r"^[A-Za-z]+\s", line) and line.split()[0].isupper()]
    if not instructions or instructions[0] not in ("FROM", "ARG"):
        problem("container/Dockerfile must start with FROM (or ARG)")
    users = [line.split()[1] for line in lines if line.startswith("USER ")]
    if not users or users[-1].split(":")[0] in ("root", "0"):
        problem("container/Dockerfile must end up as a non-root USER")
    if not any(line.startswith("ENTRYPOINT [") for line in lines):
        problem("container/Dockerfile needs an exec-form ENTRYPOINT (signals reach the JVM)")
    text = "\n".join(lines).lower()
    if "javafx" in text or "throng-app" in text:
        problem("container/Dockerfile must not bring the desktop app or JavaFX")


def main(args):
    if len(args) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    installers, project_out = args
    check_kubernetes(os.path.join(installers, "kubernetes"), project_out)
    check_cloud_init(os.path.join(installers, "agent", "cloud-init.yaml"))
    check_dockerfile(os.path.join(installers, "container", "Dockerfile"))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
