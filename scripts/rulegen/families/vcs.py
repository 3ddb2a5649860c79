"""Rules of the vcs family."""
from rulegen.core import *  # noqa: F401,F403

# ============================== vcs ==============================

GH_REMEDIATION = "Revoke it at {url}, create a new token with the least scopes and an expiry, " + PURGE


def github_rule(rid, prefix, desc, url, length="{36}", severity="critical"):
    # 36-character tokens end in a CRC32 of their random part (src/engine/validators/base62_crc.rs);
    # the 76-character refresh tokens have no published checksum.
    checksummed = length == "{36}"

    def token(g):
        return g.crc_token(prefix) if checksummed else prefix + g.alnum(int(length.strip("{}")))

    rule("vcs",
         id=rid,
         description=desc,
         severity=severity,
         keywords=[prefix],
         regex=rf"\b({prefix}[0-9A-Za-z]{length})\b",
         min_entropy=3.5,
         validate="github-crc32" if checksummed else None,
         remediation=GH_REMEDIATION.format(url=url),
         examples=lambda g: [
             f"GITHUB_TOKEN={token(g)}",
             f"git clone https://x-access-token:{token(g)}@github.com/acme/infra.git",
             f'headers = {{"Authorization": "token {token(g)}"}}',
         ],
         negative_examples=lambda g: [
             f"GITHUB_TOKEN={prefix}{g.alnum(30)}",
             # the right shape, a wrong checksum
             *([f"GITHUB_TOKEN={g.crc_token(prefix)[:-1]}{'A' if g.r.random() < .5 else 'B'}"]
               if checksummed else []),
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
# Refresh tokens come in two lengths: the 36-character form of GitHub's 2021 token format, which
# carries the CRC32 like the others, and the 76-character form GitHub issues to apps today, for
# which no checksum is published (so it is reported on its shape alone).
github_rule("github-refresh-token", "ghr_", "GitHub App refresh token",
            "https://github.com/settings/apps/authorizations")
github_rule("github-refresh-token-long", "ghr_", "GitHub App refresh token (76-character form)",
            "https://github.com/settings/apps/authorizations", length="{76}")

rule("vcs",
     id="github-fine-grained-pat",
     description="GitHub fine-grained personal access token (github_pat_, 82 characters after the prefix)",
     severity="critical",
     keywords=["github_pat_"],
     # 22 + `_` + 59 in GitHub's format; some generators drop or move the underscore, so the body
     # is any 82 of [0-9A-Za-z_] between word boundaries.
     regex=r"\b(github_pat_[0-9A-Za-z_]{82})\b",
     min_entropy=4.0,
     remediation=GH_REMEDIATION.format(url="https://github.com/settings/personal-access-tokens"),
     examples=lambda g: [
         f"GH_TOKEN=github_pat_11{g.s(UPPER + DIGITS, 20)}_{g.alnum(59)}",
         f'  token: "github_pat_11{g.s(UPPER + DIGITS, 20)}_{g.alnum(59)}"',
         f"echo github_pat_11{g.s(UPPER + DIGITS, 20)}_{g.alnum(59)} | gh auth login --with-token",
     ],
     negative_examples=lambda g: [
         f"GH_TOKEN=github_pat_{g.alnum(22)}_{g.alnum(40)}",
         f"GH_TOKEN=github_pat_{g.alnum(22)}_{g.alnum(64)}",
         "GH_TOKEN=github_pat_<your token>",
     ])

GL_REMEDIATION = "Revoke it at {url}, create a new token with the least scopes and an expiry, " + PURGE

rule("vcs",
     id="gitlab-pat",
     description="GitLab personal, project or group access token (glpat-, classic and routable)",
     severity="critical",
     keywords=["glpat-"],
     regex=r"\b(glpat-[0-9A-Za-z_-]{20,300}(?:(?:\.[0-9A-Za-z]{2})?\.[0-9A-Za-z]{6,12})?)" + END_B64URL,
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
     description="GitLab runner authentication token (glrt-, and glrtr- for runners created with a registration token)",
     severity="high",
     keywords=["glrt-", "glrtr-"],
     regex=r"\b(glrtr?-[0-9A-Za-z_-]{20,300}(?:(?:\.[0-9A-Za-z]{2})?\.[0-9A-Za-z]{6,12})?)" + END_B64URL,
     min_entropy=3.5,
     remediation=("Reset the runner's authentication token (project/group Settings > CI/CD > Runners, or "
                  "`gitlab-runner` re-register), " + PURGE),
     examples=lambda g: [
         f'token = "glrt-{g.s(B64URL, 20)}"',
         f"gitlab-runner register --url https://gitlab.com --token glrt-{g.s(B64URL, 27)}.01.{g.s(DIGITS + LOWER, 9)}",
         f'  token = "glrtr-{g.s(B64URL, 30)}.01.{g.s(DIGITS + LOWER, 9)}"',
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


# ---------------------------------------------------------------- helpers
# Named secrets use core.typed_named_rule (shared with ci_cd.py).

# Words that make a name a credential name (`GITHUB_TOKEN`, `gitea.password`), not an id or a SHA.
# (`pat` and `auth` only as whole parts: not `github_patch_sha`, `GITHUB_AUTHOR`.)
CRED_WORDS = r"(?:token|pat(?:[_.-]|\b)|password|passwd|pass|pwd|secret|api[_.-]?key|access[_.-]?key|auth(?:[_.-]|\b))"


# ---------------------------------------------------------------- GitHub: gaps

rule("vcs",
     id="github-oauth-client-secret",
     description="GitHub OAuth App / GitHub App client secret (40 hex) assigned to a GitHub secret name",
     severity="high",
     keywords=["github"],
     regex=named(r"github[\w.-]{0,24}?secret", r"([0-9a-f]{40})\b", tail=r"\w{0,12}" + TYPE_OPT),
     min_entropy=3.0,
     remediation=("Generate a new client secret and delete the leaked one at https://github.com/settings/developers "
                  "(OAuth Apps or GitHub Apps > the app > Client secrets; for an organization's app, its "
                  "Settings > Developer settings), update the app's deployment, " + PURGE),
     examples=lambda g: [
         f"GITHUB_CLIENT_ID=Iv1.{g.hex(16)}\nGITHUB_CLIENT_SECRET={g.hex(40)}",
         f'  "githubClientSecret": "{g.hex(40)}",',
         f"github:\n  client_id: {g.hex(20)}\n  client_secret: {g.hex(40)}\nGITHUB_SECRET={g.hex(40)}",
         f"spring.security.oauth2.client.registration.github.client-secret={g.hex(40)}",
     ],
     negative_examples=lambda g: [
         f"GITHUB_SHA={g.hex(40)}",
         f"github_commit: {g.hex(40)}",
         f"GITHUB_CLIENT_SECRET={g.hex(39)}",
         "GITHUB_CLIENT_SECRET=${{ secrets.GITHUB_CLIENT_SECRET }}",
         f"GITHUB_CLIENT_ID={g.hex(20)}",
     ])

typed_named_rule(
    "vcs", "github-legacy-token",
    "GitHub token in the pre-2021 format (40 hex, no ghp_/gho_ prefix) assigned to a GitHub token name",
    r"github[\w.-]{0,16}?" + CRED_WORDS, r"([0-9a-f]{40})\b",
    lambda g: g.hex(40), "https://github.com/settings/tokens",
    keywords=["github"], words=["github", "token"], severity="high", min_entropy=3.0, tail=r"\w{0,12}",
    what="token",
    extra_examples=lambda g: [f"git config --global github.token {g.hex(40)}"],
    extra_negatives=lambda g: [f"GITHUB_SHA={g.hex(40)}", f"github.event.after: {g.hex(40)}",
                               f"github_patch_sha: {g.hex(40)}", f"GITHUB_AUTHOR_COMMIT={g.hex(40)}",
                               f"GITHUB_TOKEN={g.crc_token('ghp_')}"])

# ---------------------------------------------------------------- GitLab: the other token types

GL_TOKENS = "https://gitlab.com/-/user_settings/personal_access_tokens"

prefixed_rule("vcs", "gitlab-oauth-app-secret", "GitLab OAuth application secret (gloas-)", "gloas-",
              C_B64URL, "64,300", "", severity="high", words=["gitlab", "app", "secret"],
              remediation=("Renew the secret of the application (User settings, group Settings or Admin area > "
                           "Applications > the app > Renew secret on https://gitlab.com/-/user_settings/applications), "
                           "update the client that uses it, " + PURGE))
prefixed_rule("vcs", "gitlab-feed-token", "GitLab feed token (glft-): reads the user's RSS/Atom and calendar feeds",
              "glft-", C_B64URL, "20,300", "", severity="medium", words=["gitlab", "feed", "token"],
              remediation=f"Reset the feed token at {GL_TOKENS} (Feed token > reset), " + PURGE)
prefixed_rule("vcs", "gitlab-feature-flag-client-token",
              "GitLab feature flags client token (glffct-): reads a project's feature flags and user lists",
              "glffct-", C_B64URL, "20,300", "", severity="medium", words=["unleash", "instance", "id"],
              remediation=("Reset the client token in the project's Deploy > Feature flags > Configure, update the "
                           "Unleash clients, " + PURGE))
prefixed_rule("vcs", "gitlab-scim-token", "GitLab SCIM token (glsoat-): provisions and removes group members",
              "glsoat-", C_B64URL, "20,300", "", severity="high", words=["scim", "token"],
              remediation=("Reset the SCIM token in the group's Settings > SAML SSO (SCIM token > reset), update the "
                           "identity provider, review group membership changes, " + PURGE))
prefixed_rule("vcs", "gitlab-incoming-mail-token",
              "GitLab incoming email token (glimt-): creates issues and merge requests by email as the user",
              "glimt-", C_B64URL, "20,300", "", severity="medium", words=["gitlab", "incoming", "email", "token"],
              remediation=f"Reset the incoming email token at {GL_TOKENS} (Incoming email token > reset), " + PURGE)
prefixed_rule("vcs", "gitlab-agent-token",
              "GitLab agent for Kubernetes token (glagent-): connects a cluster agent to GitLab",
              "glagent-", C_B64URL, "50,300", "", severity="high", words=["agentk", "token"],
              remediation=("Revoke the agent token in the project's Operate > Kubernetes clusters > the agent > "
                           "Access tokens, create a new one and update the agent's secret, " + PURGE))
prefixed_rule("vcs", "gitlab-runner-registration-token",
              "GitLab runner registration token (GR1348941, deprecated registration workflow)",
              "GR1348941", C_B64URL, "20", "", severity="high", words=["registration", "token"],
              remediation=("Reset the registration token (project/group Settings > CI/CD > Runners > reset, or the "
                           "Admin area > Runners), check for runners you do not know, move to runner authentication "
                           "tokens (glrt-), " + PURGE))

rule("vcs",
     id="gitlab-ci-job-token",
     description="GitLab CI/CD job token (glcbt-): valid while its job runs",
     severity="medium",
     keywords=["glcbt-"],
     regex=r"\b(glcbt-[0-9A-Za-z_-]{20,2000}(?:\.[0-9A-Za-z_-]{10,2000}){0,2})" + END_B64URL,
     min_entropy=3.5,
     remediation=("A job token expires when its job ends: cancel the job if it still runs, review the project's "
                  "audit events, and never print CI_JOB_TOKEN in logs or artifacts; " + PURGE),
     examples=lambda g: [
         f"CI_JOB_TOKEN=glcbt-{g.r.randint(1, 0xfff):x}_{g.s(B64URL, 20)}",
         f"curl --header 'JOB-TOKEN: glcbt-{g.r.randint(1, 0xfff):x}_{g.s(B64URL, 20)}' https://gitlab.com/api/v4/job",
         f"glcbt-{g.jwt()}",
     ],
     negative_examples=lambda g: [
         "curl --header \"JOB-TOKEN: $CI_JOB_TOKEN\" https://gitlab.com/api/v4/job",
         f"CI_JOB_TOKEN=glcbt-{g.s(B64URL, 10)}",
         "CI_JOB_TOKEN=glcbt-xxxxxxxxxxxxxxxxxxxxxxxxx",
     ])

rule("vcs",
     id="gitlab-session-cookie",
     description="GitLab session cookie (_gitlab_session): a signed-in browser session",
     severity="high",
     keywords=["_gitlab_session"],
     regex=r"""\b_gitlab_session["']?\s*[=:]\s*["']?([0-9a-z]{32})\b""",
     min_entropy=3.0,
     remediation=("Revoke the session at https://gitlab.com/-/user_settings/active_sessions (or sign out everywhere "
                  "by changing the password), " + PURGE),
     examples=lambda g: [
         f"curl -b '_gitlab_session={g.hex(32)}' https://gitlab.example.com/api/v4/user",
         f"Cookie: known_sign_in=1; _gitlab_session={g.hex(32)}; event_filter=all",
         f'  "_gitlab_session": "{g.s(DIGITS + LOWER, 32)}",',
     ],
     negative_examples=lambda g: [
         f"Cookie: _gitlab_session={g.hex(20)}",
         "Cookie: _gitlab_session=${SESSION}",
         f"Cookie: _gitlab_session={g.hex(32)}{g.hex(8)}",
     ])

typed_named_rule(
    "vcs", "gitlab-legacy-token",
    "GitLab personal/project access token in the pre-14.5 format (20 characters, no glpat- prefix) assigned "
    "to a GitLab token name or sent as PRIVATE-TOKEN",
    r"gitlab[\w.-]{0,16}?" + CRED_WORDS + r"|private[_-]token", r"([0-9A-Za-z_-]{20})" + END_B64URL,
    lambda g: g.s(B64URL, 20), GL_TOKENS,
    keywords=["gitlab", "private-token", "private_token"], words=["gitlab", "token"], severity="high",
    min_entropy=3.2, tail=r"\w{0,12}", what="token",
    extra_examples=lambda g: [f'curl --header "PRIVATE-TOKEN: {g.s(B64URL, 20)}" "https://gitlab.example.com/api/v4/projects"'],
    extra_negatives=lambda g: [f"GITLAB_TOKEN=glpat-{g.s(B64URL, 20)}", f"GITLAB_TOKEN={g.s(B64URL, 21)}",
                               'curl --header "PRIVATE-TOKEN: $GITLAB_TOKEN" https://gitlab.com/api/v4/user'])

# ---------------------------------------------------------------- Bitbucket

prefixed_rule("vcs", "bitbucket-app-password", "Bitbucket Cloud app password (ATBB…)", "ATBB", C_ALNUM, "32",
              "", severity="critical", words=["bitbucket", "app", "password"],
              make=lambda g: "ATBB" + g.alnum(24) + g.s(HEX.upper(), 8),
              extra_examples=lambda g: [f"git clone https://jdoe:ATBB{g.alnum(24)}{g.s(HEX.upper(), 8)}@bitbucket.org/acme/infra.git"],
              extra_negatives=lambda g: [f"BITBUCKET_APP_PASSWORD=ATBB{g.alnum(40)}"],
              remediation=("Revoke the app password at https://bitbucket.org/account/settings/app-passwords/ "
                           "(app passwords are being replaced by API tokens: create a scoped API token instead), "
                           + PURGE))

rule("vcs",
     id="bitbucket-access-token",
     description="Bitbucket Cloud repository, project or workspace access token (ATCTT…)",
     severity="critical",
     keywords=["atctt3xffgn0"],
     regex=r"\b(ATCTT3xFfGN0[0-9A-Za-z_-]{100,400}=[0-9A-F]{8})(?:[^0-9A-Za-z_=-]|$)",
     min_entropy=4.0,
     remediation=("Revoke the token in the repository's, project's or workspace's Settings > Security > Access tokens "
                  "on https://bitbucket.org, review the repository's recent pushes and pipelines, " + PURGE),
     examples=lambda g: [
         f'BITBUCKET_TOKEN="ATCTT3xFfGN0{g.s(B64URL, 183)}={g.s(HEX.upper(), 8)}"',
         f"git clone https://x-token-auth:ATCTT3xFfGN0{g.s(B64URL, 176)}={g.s(HEX.upper(), 8)}@bitbucket.org/acme/app.git",
         f"curl -H 'Authorization: Bearer ATCTT3xFfGN0{g.s(B64URL, 190)}={g.s(HEX.upper(), 8)}' https://api.bitbucket.org/2.0/user",
     ],
     negative_examples=lambda g: [
         f"BITBUCKET_TOKEN=ATCTT3xFfGN0{g.s(B64URL, 40)}={g.s(HEX.upper(), 8)}",
         f"BITBUCKET_TOKEN=ATCTT3xFfGN0{g.s(B64URL, 183)}",
         "BITBUCKET_TOKEN=ATCTT3xFfGN0<your-token>",
     ])

BB_OAUTH_WHERE = ("the workspace's Settings > Apps and features > OAuth consumers on https://bitbucket.org (edit the "
                  "consumer to reset its secret, or delete it)")

typed_named_rule(
    "vcs", "bitbucket-client-id", "Bitbucket OAuth consumer key (client ID) assigned to a Bitbucket name",
    r"bitbucket(?:[_.-]?(?:oauth|client|consumer|app))?[_.-]?(?:client[_.-]?)?(?:id|key|token)?",
    r"([0-9A-Za-z]{18,32})" + token_end(C_ALNUM), lambda g: g.alnum(g.r.choice([18, 32])), "",
    keywords=["bitbucket"], words=["bitbucket", "client", "id"], severity="low", min_entropy=3.2, tail="",
    lo=18, remediation=("The key alone does not authenticate: check whether the consumer's secret leaked with it and "
                        f"if so reset the secret in {BB_OAUTH_WHERE}; " + PURGE))

typed_named_rule(
    "vcs", "bitbucket-client-secret",
    "Bitbucket OAuth consumer secret assigned to a Bitbucket secret/token name",
    r"bitbucket[\w.-]{0,24}?(?:secret|token|password|key)", r"([0-9A-Za-z_-]{32,64})" + END_B64URL,
    lambda g: g.s(ALNUM, g.r.choice([32, 64])), "",
    keywords=["bitbucket"], words=["bitbucket", "client", "secret"], severity="high", min_entropy=3.5,
    tail=r"\w{0,12}", lo=32, remediation=f"Reset the secret in {BB_OAUTH_WHERE}, update the app that uses it, " + PURGE,
    # app passwords (ATBB…) and access tokens (ATCTT…) have rules of their own
    exclude_words=["atbb", "atctt"],
    extra_negatives=lambda g: ["bitbucket_secret=${BITBUCKET_SECRET}", f"BITBUCKET_COMMIT={g.hex(40)}"])

# ---------------------------------------------------------------- Gitter

typed_named_rule(
    "vcs", "gitter-access-token", "Gitter personal access token assigned to a Gitter name",
    "gitter", r"([0-9A-Za-z_-]{40})" + END_B64URL, lambda g: g.hex(40), "https://developer.gitter.im/apps",
    keywords=["gitter"], words=["gitter", "token"], severity="medium", min_entropy=3.0, what="token",
    remediation=("Revoke the token at https://developer.gitter.im/apps (sign in, regenerate the personal access "
                 "token; Gitter now runs on Matrix: also log out the session at app.gitter.im), " + PURGE))

# ---------------------------------------------------------------- Sourcegraph

SG_REM = ("Delete the token at https://sourcegraph.com/user/settings/tokens (or your instance's "
          "/user/settings/tokens; site admins can revoke any user's tokens), review the instance's audit log, ")

rule("vcs",
     id="sourcegraph-access-token",
     description="Sourcegraph access token (sgp_, with an optional instance identifier or local_)",
     severity="high",
     keywords=["sgp_"],
     regex=r"\b(sgp_(?:[0-9a-fA-F]{16}_)?(?:local_)?[0-9a-fA-F]{40})\b",
     min_entropy=3.0,
     remediation=SG_REM + PURGE,
     examples=lambda g: [
         f"SRC_ACCESS_TOKEN=sgp_{g.hex(16)}_{g.hex(40)}",
         f"src login https://sourcegraph.example.com --token sgp_local_{g.hex(40)}",
         f'  "sourcegraph.accessToken": "sgp_{g.hex(40)}",',
     ],
     negative_examples=lambda g: [
         f"SRC_ACCESS_TOKEN=sgp_{g.hex(18)}_{g.hex(40)}",
         f"SRC_ACCESS_TOKEN=sgp_local_{g.hex(20)}G{g.hex(19)}",
         f"SRC_ACCESS_TOKEN=sgp_{g.hex(30)}",
         "SRC_ACCESS_TOKEN=sgp_aaaaaaa5555555aaaaaaaaBBBBBB55555aaaaaaa",
     ])

typed_named_rule(
    "vcs", "sourcegraph-legacy-token",
    "Sourcegraph access token in the legacy format (40 hex, no sgp_ prefix) assigned to a Sourcegraph name",
    # `sourcegraph: <hex>` directly, or a Sourcegraph credential name; not `SOURCEGRAPH_REVISION=<sha>`
    r"sourcegraph(?:[\w.-]{0,16}?" + CRED_WORDS + r"\w{0,12})?|src[_-]access[_-]token", r"([0-9a-fA-F]{40})\b",
    lambda g: g.hex(40), "", keywords=["sourcegraph", "src_access_token", "src-access-token"],
    words=["sourcegraph", "token"], severity="high", min_entropy=3.0, what="token", tail="", remediation=SG_REM + PURGE,
    extra_examples=lambda g: [f"sourcegraph: {g.hex(40)}"],
    extra_negatives=lambda g: [f"SOURCEGRAPH_REVISION={g.hex(40)}", f"sourcegraph commit {g.hex(40)}"])

# ---------------------------------------------------------------- Gitea / Forgejo

typed_named_rule(
    "vcs", "gitea-access-token",
    "Gitea / Forgejo (Codeberg) access token (40 hex) assigned to a Gitea or Forgejo token name",
    r"(?:gitea|forgejo|codeberg)[\w.-]{0,16}?" + CRED_WORDS, r"([0-9a-f]{40})\b", lambda g: g.hex(40), "",
    keywords=["gitea", "forgejo", "codeberg"], words=["gitea", "token"], severity="critical", min_entropy=3.0,
    tail=r"\w{0,12}", what="token",
    extra_examples=lambda g: [f"FORGEJO_TOKEN={g.hex(40)}", f"codeberg_token: {g.hex(40)}"],
    extra_negatives=lambda g: [f"GITEA_SHA={g.hex(40)}", f"gitea_commit: {g.hex(40)}"],
    remediation=("Delete the token in the instance's Settings > Applications (https://<gitea-host>/user/settings/"
                 "applications, https://codeberg.org/user/settings/applications), review the account's recent "
                 "activity, " + PURGE))
