"""Rules of the vcs family."""
from rulegen.core import *  # noqa: F401,F403

# ============================== vcs ==============================

GH_REMEDIATION = "Revoke it at {url}, create a new token with the least scopes and an expiry, " + PURGE


def github_rule(rid, prefix, desc, url, length="{36}", severity="critical"):
    rule("vcs",
         id=rid,
         description=desc,
         severity=severity,
         keywords=[prefix],
         regex=rf"\b({prefix}[0-9A-Za-z]{length})\b",
         min_entropy=3.5,
         remediation=GH_REMEDIATION.format(url=url),
         examples=lambda g: [
             f"GITHUB_TOKEN={g.crc_token(prefix)}",
             f"git clone https://x-access-token:{g.crc_token(prefix)}@github.com/acme/infra.git",
             f'headers = {{"Authorization": "token {g.crc_token(prefix)}"}}',
         ],
         negative_examples=lambda g: [
             f"GITHUB_TOKEN={prefix}{g.alnum(30)}",
             f"token: {prefix}XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX",
             f"id = {prefix}{g.alnum(36)}_{g.alnum(4)}",
         ])


github_rule("github-classic-pat", "ghp_", "GitHub classic personal access token",
            "https://github.com/settings/tokens")
github_rule("github-oauth-token", "gho_", "GitHub OAuth access token",
            "https://github.com/settings/applications (Authorized OAuth Apps)")
github_rule("github-user-to-server-token", "ghu_", "GitHub App user-to-server token",
            "https://github.com/settings/apps/authorizations")
github_rule("github-server-to-server-token", "ghs_", "GitHub App installation (server-to-server) token",
            "https://github.com/settings/apps (rotate the app's private key; installation tokens expire within an hour)",
            severity="high")
github_rule("github-refresh-token", "ghr_", "GitHub App refresh token",
            "https://github.com/settings/apps/authorizations", length="{36,76}")

rule("vcs",
     id="github-fine-grained-pat",
     description="GitHub fine-grained personal access token",
     severity="critical",
     keywords=["github_pat_"],
     regex=r"\b(github_pat_[0-9A-Za-z]{22}_[0-9A-Za-z]{59})\b",
     min_entropy=4.0,
     remediation=GH_REMEDIATION.format(url="https://github.com/settings/personal-access-tokens"),
     examples=lambda g: [
         f"GH_TOKEN=github_pat_11{g.s(UPPER + DIGITS, 20)}_{g.alnum(59)}",
         f'  token: "github_pat_11{g.s(UPPER + DIGITS, 20)}_{g.alnum(59)}"',
         f"echo github_pat_11{g.s(UPPER + DIGITS, 20)}_{g.alnum(59)} | gh auth login --with-token",
     ],
     negative_examples=lambda g: [
         f"GH_TOKEN=github_pat_{g.alnum(22)}_{g.alnum(40)}",
         f"GH_TOKEN=github_pat_{g.alnum(22)}{g.alnum(60)}",
         "GH_TOKEN=github_pat_<your token>",
     ])

GL_REMEDIATION = "Revoke it at {url}, create a new token with the least scopes and an expiry, " + PURGE

rule("vcs",
     id="gitlab-pat",
     description="GitLab personal, project or group access token (glpat-, classic and routable)",
     severity="critical",
     keywords=["glpat-"],
     regex=r"\b(glpat-[0-9A-Za-z_-]{20,300}(?:\.[0-9A-Za-z]{2}\.[0-9A-Za-z]{6,12})?)" + END_B64URL,
     min_entropy=3.5,
     remediation=GL_REMEDIATION.format(url="https://gitlab.com/-/user_settings/personal_access_tokens "
                                           "(or the project's/group's Settings > Access tokens)"),
     examples=lambda g: [
         f"GITLAB_TOKEN=glpat-{g.s(B64URL, 20)}",
         f'curl --header "PRIVATE-TOKEN: glpat-{g.s(B64URL, 20)}" https://gitlab.com/api/v4/projects',
         f"  gitlab_token: glpat-{g.s(B64URL, 27)}.01.{g.s(DIGITS + LOWER, 9)}",
     ],
     negative_examples=lambda g: [
         f"GITLAB_TOKEN=glpat-{g.s(B64URL, 12)}",
         "GITLAB_TOKEN=glpat-xxxxxxxxxxxxxxxxxxxx",
         "GITLAB_TOKEN=glpat-<your-token>",
     ])

rule("vcs",
     id="gitlab-runner-token",
     description="GitLab runner authentication token (glrt-)",
     severity="high",
     keywords=["glrt-"],
     regex=r"\b(glrt-[0-9A-Za-z_-]{20,300}(?:\.[0-9A-Za-z]{2}\.[0-9A-Za-z]{6,12})?)" + END_B64URL,
     min_entropy=3.5,
     remediation=("Reset the runner's authentication token (project/group Settings > CI/CD > Runners, or "
                  "`gitlab-runner` re-register), " + PURGE),
     examples=lambda g: [
         f'token = "glrt-{g.s(B64URL, 20)}"',
         f"gitlab-runner register --url https://gitlab.com --token glrt-{g.s(B64URL, 27)}.01.{g.s(DIGITS + LOWER, 9)}",
     ],
     negative_examples=lambda g: [
         f'token = "glrt-{g.s(B64URL, 10)}"',
         'token = "glrt-REDACTED_REDACTED_REDACTED"',
     ])

rule("vcs",
     id="gitlab-pipeline-trigger-token",
     description="GitLab pipeline trigger token (glptt-)",
     severity="medium",
     keywords=["glptt-"],
     regex=r"\b(glptt-[0-9a-f]{40})\b",
     min_entropy=3.0,
     remediation=("Revoke the trigger in the project's Settings > CI/CD > Pipeline trigger tokens, create a new one, "
                  + PURGE),
     examples=lambda g: [
         f"curl -X POST -F token=glptt-{g.hex(40)} -F ref=main https://gitlab.com/api/v4/projects/42/trigger/pipeline",
         f"TRIGGER_TOKEN=glptt-{g.hex(40)}",
     ],
     negative_examples=lambda g: [
         f"TRIGGER_TOKEN=glptt-{g.hex(20)}",
         "TRIGGER_TOKEN=glptt-$CI_JOB_TOKEN",
     ])

rule("vcs",
     id="gitlab-deploy-token",
     description="GitLab deploy token (gldt-)",
     severity="high",
     keywords=["gldt-"],
     regex=r"\b(gldt-[0-9A-Za-z_-]{20,300})" + END_B64URL,
     min_entropy=3.5,
     remediation=("Revoke the deploy token in the project's Settings > Repository > Deploy tokens, create a new one, "
                  + PURGE),
     examples=lambda g: [
         f"DEPLOY_TOKEN=gldt-{g.s(B64URL, 20)}",
         f"docker login registry.gitlab.com -u gitlab+deploy-token-7 -p gldt-{g.s(B64URL, 20)}",
     ],
     negative_examples=lambda g: [
         f"DEPLOY_TOKEN=gldt-{g.s(B64URL, 8)}",
         "DEPLOY_TOKEN=gldt-${DEPLOY_TOKEN}",
     ])
