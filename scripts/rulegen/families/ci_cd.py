"""Rules of the ci-cd family: CI/CD services, build tooling, package registries and developer
tools (VCS hosting tokens are in vcs.py; cloud deploy platforms are in cloud.py)."""
from rulegen.core import *  # noqa: F401,F403

# ============================== ci-cd ==============================

# ---------------------------------------------------------------- helpers
# Named secrets use core.typed_named_rule (shared with vcs.py).

# Words that make a name a credential name (`DRONE_TOKEN`, `sonar.login`), not an id or a SHA.
# (`pat` and `auth` only as whole parts: not `..._patch_sha`, `..._AUTHOR`.)
CRED_ALTS = r"token|pat(?:[_.-]|\b)|password|passwd|pass|pwd|secret|api[_.-]?key|access[_.-]?key|auth(?:[_.-]|\b)|key"
CRED_WORDS = rf"(?:{CRED_ALTS})"


def simple(family, id, description, regex, keywords, make, remediation, severity="high", min_entropy=3.2,
           contexts=None, negatives=()):
    """A self-identifying token whose shape needs a hand-written regex (several parts, optional
    pieces): examples put `make(g)` in each of `contexts` (format strings with {s})."""
    contexts = contexts or ["TOKEN={s}", '  "token": "{s}",', "curl -H 'Authorization: Bearer {s}' "
                            "https://api.service.invalid/v1/me"]
    rule(family, id=id, description=description, severity=severity, keywords=keywords, regex=regex,
         min_entropy=min_entropy, remediation=remediation,
         examples=lambda g: [ctx.format(s=make(g)) for ctx in contexts],
         negative_examples=lambda g: [n(g) if callable(n) else n for n in negatives])


def rem(where, extra=""):
    return (f"Revoke the token at {where}, {extra}create a new one with the least access and keep it in the CI "
            "system's secret store, " + PURGE)


def cred(names, extra=""):
    """Provider names followed (within 16 name characters, blanks allowed: `acme SECRET`) by a
    credential word, so ids, SHAs and slugs under the same provider name do not match."""
    return rf"(?:{names})[\w. -]{{0,16}}?(?:{CRED_ALTS}{extra})"


# The rest of a `cred(...)` name after its credential word (`_PROD` in `SONAR_TOKEN_PROD`).
AFTER_CRED = r"\w{0,12}"
F = "ci-cd"

# ---------------------------------------------------------------- CircleCI

CIRCLE_PAT_REM = rem("https://app.circleci.com/settings/user/tokens", "review the projects' environment variables "
                     "and contexts it could read, ")
simple(F, "circleci-personal-api-token", "CircleCI personal API token (CCIPAT_)",
       r"\b(CCIPAT_[0-9A-Za-z]{20,26}_[0-9A-Za-z]{40})\b", ["ccipat_"],
       lambda g: f"CCIPAT_{g.alnum(22)}_{g.hex(40)}", CIRCLE_PAT_REM, severity="critical", min_entropy=3.5,
       contexts=["CIRCLECI_TOKEN={s}", "curl -H 'Circle-Token: {s}' https://circleci.com/api/v2/me",
                 'circleci_token: "{s}"'],
       negatives=[lambda g: f"CIRCLECI_TOKEN=CCIPAT_{g.alnum(22)}_{g.hex(20)}", "CIRCLECI_TOKEN=CCIPAT_<your-token>",
                  lambda g: f"CIRCLECI_TOKEN=CCIPAT_{g.alnum(22)}{g.hex(40)}"])
simple(F, "circleci-project-api-token", "CircleCI project API token (CCIPRJ_)",
       r"\b(CCIPRJ_[0-9A-Za-z]{20,26}_[0-9A-Za-z]{40})\b", ["cciprj_"],
       lambda g: f"CCIPRJ_{g.alnum(22)}_{g.hex(40)}",
       rem("the project's Project Settings > API Permissions on https://app.circleci.com"), min_entropy=3.5,
       contexts=["CIRCLE_PROJECT_TOKEN={s}", "curl -u {s}: https://circleci.com/api/v2/project/gh/acme/app/pipeline",
                 '  "circleToken": "{s}"'],
       negatives=[lambda g: f"CIRCLE_PROJECT_TOKEN=CCIPRJ_{g.alnum(22)}_{g.hex(39)}", "CIRCLE_PROJECT_TOKEN=CCIPRJ_xxx"])
typed_named_rule(
    F, "circleci-legacy-api-token", "CircleCI API token in the legacy format (40 hex) assigned to a CircleCI token name",
    r"circle[_.-]?ci[\w.-]{0,16}?" + CRED_WORDS + r"|circle[_.-]?token", r"([0-9a-fA-F]{40})\b",
    lambda g: g.hex(40), "", keywords=["circleci", "circle_ci", "circle-ci", "circle.ci", "circle_token",
                                       "circle-token", "circletoken", "circle.token"],
    words=["circleci", "api", "token"], severity="critical", min_entropy=3.0, tail=r"\w{0,12}", what="token",
    remediation=CIRCLE_PAT_REM,
    extra_examples=lambda g: [f"CIRCLE_TOKEN={g.hex(40)}"],
    extra_negatives=lambda g: [f"CIRCLE_SHA1={g.hex(40)}", f"circleci_commit: {g.hex(40)}"])

# ---------------------------------------------------------------- Travis CI, Drone, Buildkite

typed_named_rule(
    F, "travisci-api-token", "Travis CI API token (22 characters) assigned to a Travis name",
    cred(r"travis(?:[_.-]?ci)?"), r"([0-9A-Za-z_-]{22})" + END_B64URL, lambda g: g.s(B64URL, 22), "",
    keywords=["travis"], words=["travis", "api", "token"], severity="high", min_entropy=3.2, what="token",
    tail=AFTER_CRED,
    remediation=rem("https://app.travis-ci.com/account/preferences (Settings > API authentication > Regenerate token)"),
    extra_negatives=lambda g: [f"TRAVIS_COMMIT={g.hex(40)}", f"TRAVIS_BUILD_ID={g.digits(9)}"])
typed_named_rule(
    F, "droneci-access-token", "Drone CI personal token (32 characters) assigned to a Drone token name",
    r"drone(?:[_.-]?ci)?[\w.-]{0,12}?" + CRED_WORDS, r"([0-9A-Za-z]{32})" + END_ALNUM, lambda g: g.alnum(32), "",
    keywords=["drone"], words=["drone", "token"], severity="high", min_entropy=3.2, tail=r"\w{0,12}", what="token",
    remediation=rem("your Drone server's account page (https://<drone-host>/account: Token > reset)"))
simple(F, "buildkite-api-token", "Buildkite API access token (bkua_)", r"\b(bkua_[0-9a-f]{40})\b", ["bkua_"],
       lambda g: f"bkua_{g.hex(40)}", rem("https://buildkite.com/user/api-access-tokens"), severity="critical",
       min_entropy=3.0,
       contexts=["BUILDKITE_API_TOKEN={s}", "bk configure --org acme --token {s}",
                 "curl -H 'Authorization: Bearer {s}' https://api.buildkite.com/v2/user"],
       negatives=[lambda g: f"BUILDKITE_API_TOKEN=bkua_{g.hex(39)}", "BUILDKITE_API_TOKEN=bkua_xxx",
                  lambda g: f"BUILDKITE_API_TOKEN=bkua_{g.hex(20)}Z{g.hex(19)}"])

# ---------------------------------------------------------------- coverage and code quality

typed_named_rule(
    F, "codecov-upload-token", "Codecov upload token (UUID, or 32 characters) assigned to a Codecov name",
    "codecov", r"(" + UUID_ANY + r"|[0-9a-z]{32})" + END_B64URL, lambda g: g.uuid(), "",
    keywords=["codecov"], words=["codecov", "token"], severity="medium", min_entropy=3.0, lo=36, what="token",
    remediation=rem("the repository's Configuration > General > Regenerate (https://app.codecov.io/gh/<org>/<repo>/config/general)"),
    extra_examples=lambda g: [f"codecov_token: {g.s(DIGITS + LOWER, 32)}",
                              f"./codecov -t {g.uuid()}"])
typed_named_rule(
    F, "coveralls-repo-token", "Coveralls repository token assigned to a Coveralls name",
    cred("coveralls"), r"([0-9A-Za-z]{32,40})" + END_ALNUM, lambda g: g.alnum(g.r.choice([32, 33, 37])), "",
    keywords=["coveralls"], words=["coveralls", "repo", "token"], severity="medium", min_entropy=3.2, lo=32,
    what="token", tail=AFTER_CRED,
    remediation=rem("the repository's Settings on https://coveralls.io (Repo token > Regenerate)"))
typed_named_rule(
    F, "codacy-api-token", "Codacy account API token (20) or project token (32 hex) assigned to a Codacy name",
    cred("codacy"), r"([0-9A-Za-z]{20}|[0-9a-f]{32})" + END_ALNUM, lambda g: g.alnum(20), "",
    keywords=["codacy"], words=["codacy", "api", "token"], severity="medium", min_entropy=3.2, what="token",
    tail=AFTER_CRED,
    remediation=rem("https://app.codacy.com/account/access-management (API tokens; project tokens under the "
                    "repository's Settings > Integrations > Project API)"),
    extra_examples=lambda g: [f"CODACY_PROJECT_TOKEN={g.hex(32)}"])
typed_named_rule(
    F, "codeclimate-reporter-id", "Code Climate test reporter ID / repo token (64 hex)",
    r"code[_.-]?climate|cc[_.-]test[_.-]reporter[_.-]id", r"([0-9a-f]{64})\b", lambda g: g.hex(64), "",
    keywords=["codeclimate", "code_climate", "code-climate", "code.climate", "cc_test_reporter_id",
              "cc-test-reporter-id", "cc.test.reporter.id"],
    words=["codeclimate", "repo", "token"], severity="low", min_entropy=3.0, what="reporter ID",
    remediation=rem("the repository's Repo Settings > Test coverage on https://codeclimate.com (regenerate the "
                    "test reporter ID)"),
    extra_examples=lambda g: [f"env:\n  CC_TEST_REPORTER_ID: {g.hex(64)}"])
typed_named_rule(
    F, "codemagic-api-token", "Codemagic API token assigned to a Codemagic name",
    cred("codemagic"), r"([0-9A-Za-z_-]{40,64})" + END_B64URL, lambda g: g.s(B64URL, 43), "",
    keywords=["codemagic"], words=["codemagic", "api", "token"], severity="high", min_entropy=3.5, lo=40,
    tail=AFTER_CRED,
    what="token", remediation=rem("https://codemagic.io/teams (Personal account > Integrations > Codemagic API > "
                                  "regenerate the token)"))
typed_named_rule(
    F, "semaphore-api-token", "Semaphore CI API token assigned to a Semaphore token/key name",
    r"semaphore[_.-]?(?:ci[_.-]?)?(?:api[_.-]?)?(?:key|token|secret)", r"([0-9A-Za-z]{20,40})" + END_ALNUM,
    lambda g: g.alnum(g.r.choice([20, 32])), "", keywords=["semaphore"], words=["semaphore", "api", "token"],
    severity="high", min_entropy=3.2, tail=r"\w{0,12}", lo=20, what="token",
    remediation=rem("your Semaphore organization's profile > API Token (https://me.semaphoreci.com/account), reset it"),
    extra_negatives=lambda g: ["let semaphore = Arc::new(Semaphore::new(8));",
                               f"semaphore_permits = {g.digits(2)}"])
typed_named_rule(
    F, "scrutinizer-api-token", "Scrutinizer CI access token (64 hex) assigned to a Scrutinizer name",
    cred("scrutinizer"), r"([0-9a-f]{64})\b", lambda g: g.hex(64), "", keywords=["scrutinizer"],
    words=["scrutinizer", "token"], severity="medium", min_entropy=3.0, what="token", tail=AFTER_CRED,
    remediation=rem("https://scrutinizer-ci.com/profile/applications (API access tokens)"))

# ---------------------------------------------------------------- SonarQube / SonarCloud, Snyk

SONAR_REM = rem("My Account > Security (https://sonarcloud.io/account/security, or <sonarqube-host>/account/security)")
simple(F, "sonarqube-token", "SonarQube / SonarCloud token (squ_ user, sqp_ project analysis, sqa_ global analysis)",
       r"\b(sq[apu]_[0-9A-Za-z]{40})\b", ["squ_", "sqp_", "sqa_"],
       lambda g: g.r.choice(["squ_", "sqp_", "sqa_"]) + g.hex(40), SONAR_REM, min_entropy=3.0,
       contexts=["SONAR_TOKEN={s}", "mvn sonar:sonar -Dsonar.token={s}", "sonar.login={s}",
                 "curl -u {s}: https://sonarcloud.io/api/authentication/validate"],
       negatives=[lambda g: f"SONAR_TOKEN=squ_{g.hex(30)}", "SONAR_TOKEN=squ_<your-token>",
                  lambda g: f"SONAR_TOKEN=sqx_{g.hex(40)}"])
typed_named_rule(
    F, "sonarqube-legacy-token", "SonarQube token in the legacy format (40 characters, no prefix) assigned to a "
    "Sonar token/login name", r"sonar(?:qube|cloud)?[\w.-]{0,16}?(?:token|login|password|key|auth)",
    r"([0-9A-Za-z]{40})" + END_ALNUM, lambda g: g.hex(40), "", keywords=["sonar"],
    words=["sonar", "token"], severity="high", min_entropy=3.0, tail=r"\w{0,12}", what="token",
    remediation=SONAR_REM,
    extra_examples=lambda g: [f"mvn sonar:sonar -Dsonar.host.url=https://sonarcloud.io -Dsonar.login={g.hex(40)}"],
    extra_negatives=lambda g: [f"sonarqube-scanner-2.5.0.tgz#{g.hex(40)}",
                               "/d:sonar.login=$(SONAR_LOGIN)", "sonar.login=admin"])
typed_named_rule(
    F, "snyk-api-token", "Snyk API token (UUID) assigned to a Snyk name",
    cred("snyk"), r"(" + UUID_ANY + r")\b", lambda g: g.uuid(), "", keywords=["snyk"], words=["snyk", "token"],
    severity="high", min_entropy=3.0, what="token", tail=AFTER_CRED,
    extra_negatives=lambda g: [f"SNYK_ORG_ID={g.uuid()}", f"snyk_project_id: {g.uuid()}"],
    remediation=rem("https://app.snyk.io/account (Auth Token > Revoke & Regenerate; service account tokens in the "
                    "organization's Settings > Service accounts)"))

# ---------------------------------------------------------------- Harness, Octopus Deploy, Jenkins

simple(F, "harness-api-key", "Harness personal (pat.) or service account (sat.) API key",
       r"\b((?:pat|sat)\.[0-9A-Za-z_-]{22}\.[0-9A-Za-z]{24}\.[0-9A-Za-z]{20})\b", ["pat.", "sat."],
       lambda g: f"{g.r.choice(['pat', 'sat'])}.{g.s(B64URL, 22)}.{g.hex(24)}.{g.alnum(20)}",
       rem("https://app.harness.io (your profile > My API keys, or Account/Project Settings > Access Control > "
           "Service Accounts > the key > Tokens)"), severity="critical", min_entropy=3.8,
       contexts=["HARNESS_PLATFORM_API_KEY={s}", "curl -H 'x-api-key: {s}' https://app.harness.io/ng/api/user/currentUser",
                 '  harness_token: "{s}"'],
       negatives=[lambda g: f"HARNESS_API_KEY=pat.{g.s(B64URL, 22)}.{g.hex(24)}", "HARNESS_API_KEY=pat.<account>.<id>.<secret>",
                  lambda g: f"HARNESS_API_KEY=pat.{g.s(B64URL, 22)}.{g.hex(24)}.{g.alnum(30)}"])
simple(F, "octopus-deploy-api-key", "Octopus Deploy API key (API- and 26 uppercase alphanumerics)",
       r"\b(API-[A-Z0-9]{26})\b", ["api-"], lambda g: "API-" + g.s(UPPER + DIGITS, 26),
       rem("the Octopus Server user profile > My API Keys (https://<octopus-host>/app#/users/me/apiKeys)"),
       min_entropy=3.7,
       contexts=["OCTOPUS_API_KEY={s}", 'octo push --package app.1.0.0.zip --server https://octo.acme.io --apiKey "{s}"',
                 "curl -H 'X-Octopus-ApiKey: {s}' https://octo.acme.io/api/projects"],
       negatives=["msgstr \"GSSAPI-VIRHEKAPSELOINTIMERKKIJONO.\"",
                  lambda g: f"https://notes.invalid/API-{g.hex(32).upper()}",
                  "see API-REFERENCEDOCUMENTATIONFORYOU", lambda g: f"OCTOPUS_API_KEY=api-{g.hex(26)}"])

JENKINS_REM = rem("<jenkins-url>/me/configure (API Token > revoke; for a build trigger token, the job's "
                  "configuration)", "check the jobs and credentials it could reach, ")
typed_named_rule(
    F, "jenkins-api-token", "Jenkins API token (11 + 32 hex, or 32 hex / UUID legacy and trigger tokens) assigned to "
    "a Jenkins token/password/crumb name", cred("jenkins", extra="|crumb"),
    r"(11[0-9a-f]{32}|[0-9a-f]{32}|" + UUID_ANY + r")\b",
    lambda g: "11" + g.hex(32), "", keywords=["jenkins"], words=["jenkins", "api", "token"], severity="high",
    min_entropy=3.0, what="token", remediation=JENKINS_REM, tail=AFTER_CRED,
    extra_examples=lambda g: [f"jenkins_passwd = '11{g.hex(32)}'",
                              f'readonly static string jenkinsToken = "{g.uuid()}";'],
    extra_negatives=lambda g: [f"JENKINS_COMMIT={g.hex(40)}", f"jenkinsCredentialsId = '{g.uuid()}'",
                               "[Build Token Root](https://wiki.jenkins-ci.org/display/JENKINS/Build+Token+Root+Plugin)"])
rule(F,
     id="jenkins-initial-admin-password",
     description="Jenkins initial admin password (32 hex) in setup output or next to initialAdminPassword",
     severity="high",
     keywords=["proceed to installation", "initialadminpassword"],
     regex=r"""(?:proceed to installation:|initialAdminPassword["'`]?[ \t]*[:=]?)\s{0,12}["'`]?([0-9a-f]{32})\b""",
     min_entropy=3.0,
     window=64,
     remediation=("Finish the setup wizard and create a real admin user, or change the admin password in "
                  "<jenkins-url>/user/admin/configure and delete $JENKINS_HOME/secrets/initialAdminPassword; "
                  "check the instance for unknown users, jobs and credentials, " + PURGE),
     examples=lambda g: [
         "*" * 61 + "\n\nJenkins initial setup is required. An admin user has been created and a password generated.\n"
         f"Please use the following password to proceed to installation:\n\n{g.hex(32)}\n\n"
         "This may also be found at: /var/jenkins_home/secrets/initialAdminPassword\n",
         f"$ docker exec jenkins cat /var/jenkins_home/secrets/initialAdminPassword\n{g.hex(32)}",
         f'  initialAdminPassword: "{g.hex(32)}"',
     ],
     negative_examples=lambda g: [
         "sudo cat /var/lib/jenkins/secrets/initialAdminPassword",
         f"Please use the following password to proceed to installation:\n\n{g.hex(20)}",
         "initialAdminPassword: ${JENKINS_ADMIN_PASSWORD}",
     ])

# ---------------------------------------------------------------- test and load-testing services

typed_named_rule(
    F, "knapsack-pro-api-token", "Knapsack Pro test suite API token assigned to a Knapsack name",
    cred(r"knapsack(?:[_.-]?pro)?"), r"([0-9A-Za-z]{32})" + END_ALNUM, lambda g: g.hex(32), "",
    keywords=["knapsack"], words=["knapsack", "pro", "test", "suite", "token"], severity="medium", min_entropy=3.0,
    what="token", tail=AFTER_CRED, extra_negatives=lambda g: [f"KNAPSACK_PRO_CI_NODE_BUILD_ID={g.hex(32)}"],
    remediation=rem("https://knapsackpro.com/dashboard (the test suite > API token > regenerate)"))
typed_named_rule(
    F, "bitbar-api-key", "BitBar (SmartBear) cloud API key assigned to a BitBar name",
    cred("bitbar"), r"([0-9A-Za-z]{32})" + END_ALNUM, lambda g: g.alnum(32), "", keywords=["bitbar"],
    words=["bitbar", "api", "key"], severity="high", min_entropy=3.2, tail=AFTER_CRED,
    remediation=rem("https://cloud.bitbar.com (My account > My integrations > API key > regenerate)"))
typed_named_rule(
    F, "blazemeter-api-key", "BlazeMeter / Runscope API key or secret (UUID or 64 hex) assigned to a BlazeMeter "
    "or Runscope name", "blazemeter|runscope", r"(" + UUID_ANY + r"|[0-9a-f]{64})\b", lambda g: g.uuid(), "",
    keywords=["blazemeter", "runscope"], words=["blazemeter", "api", "key"], severity="high", min_entropy=3.0,
    lo=36, remediation=rem("https://a.blazemeter.com/app/#/settings/api-keys (Settings > API keys; Runscope: "
                           "Account > Applications)"),
    extra_examples=lambda g: [f"BLAZEMETER_API_SECRET={g.hex(64)}", f"runscope_token: {g.uuid()}"])
typed_named_rule(
    F, "loadmill-api-token", "Loadmill API token assigned to a Loadmill name",
    cred("loadmill"), r"([0-9A-Za-z]{40})" + END_ALNUM, lambda g: g.alnum(40), "", keywords=["loadmill"],
    words=["loadmill", "api", "token"], severity="medium", min_entropy=3.2, what="token", tail=AFTER_CRED,
    remediation=rem("https://app.loadmill.com/app/settings/api-tokens"))

# ---------------------------------------------------------------- Gradle

GRADLE_REM = ("Regenerate the API key at https://plugins.gradle.org (your profile > API Keys > regenerate), check "
              "your plugins' recent versions, keep the key in ~/.gradle/gradle.properties or CI secrets, " + PURGE)
typed_named_rule(
    F, "gradle-plugin-portal-key", "Gradle Plugin Portal publishing key (gradle.publish.key)",
    r"gradle[._-]?publish[._-]?key", r"([0-9A-Za-z]{32})" + END_ALNUM, lambda g: g.alnum(32), "",
    keywords=["gradle.publish", "gradle_publish", "gradle-publish", "gradlepublish"], words=["gradle", "publish", "key"],
    severity="medium", min_entropy=3.2, tail="", remediation=GRADLE_REM,
    extra_examples=lambda g: [f"gradle.publish.key={g.alnum(32)}\ngradle.publish.secret={g.alnum(32)}",
                              f"./gradlew publishPlugins -Pgradle.publish.key={g.alnum(32)}"])
typed_named_rule(
    F, "gradle-plugin-portal-secret", "Gradle Plugin Portal publishing secret (gradle.publish.secret)",
    r"gradle[._-]?publish[._-]?secret", r"([0-9A-Za-z]{32})" + END_ALNUM, lambda g: g.alnum(32), "",
    keywords=["gradle.publish", "gradle_publish", "gradle-publish", "gradlepublish"], words=["gradle", "publish", "secret"],
    severity="high", min_entropy=3.2, tail="", remediation=GRADLE_REM,
    extra_examples=lambda g: [f"./gradlew publishPlugins -Pgradle.publish.secret={g.alnum(32)}"])
typed_named_rule(
    F, "develocity-access-key", "Develocity (Gradle Enterprise) access key (host=key, 52 characters)",
    r"(?:develocity|gradle[_.-]?enterprise)[_.-]?access[_.-]?key", r"(?:[0-9A-Za-z.:-]{1,100}=)?([a-z0-9]{52})\b",
    lambda g: g.s(LOWER + "234567", 52), "", keywords=["develocity", "gradle_enterprise", "gradle.enterprise",
                                                        "gradle-enterprise", "gradleenterprise"],
    words=["develocity", "access", "key"], severity="high", min_entropy=3.5, tail="",
    remediation=("Revoke the key in Develocity (https://<develocity-host>/settings/access-keys, or `./gradlew "
                 "provisionDevelocityAccessKey` again after revoking), " + PURGE),
    extra_examples=lambda g: [f"DEVELOCITY_ACCESS_KEY=ge.acme.io={g.s(LOWER + '234567', 52)}",
                              f"GRADLE_ENTERPRISE_ACCESS_KEY=scans.acme.io={g.s(LOWER + '234567', 52)}"])

# ---------------------------------------------------------------- Docker Hub

simple(F, "docker-hub-personal-access-token", "Docker Hub personal access token (dckr_pat_)",
       r"\b(dckr_pat_[0-9A-Za-z_-]{27,40})" + END_B64URL, ["dckr_pat_"], lambda g: "dckr_pat_" + g.s(B64URL, 27),
       rem("https://app.docker.com/settings/personal-access-tokens", "check the repositories' recent pushes, "),
       severity="critical", min_entropy=3.5,
       contexts=["docker login -u jdoe -p {s}", "DOCKERHUB_TOKEN={s}", '  "password": "{s}",'],
       negatives=[lambda g: f"DOCKERHUB_TOKEN=dckr_pat_{g.s(B64URL, 20)}", "DOCKERHUB_TOKEN=dckr_pat_<token>",
                  "echo $DOCKERHUB_TOKEN | docker login -u jdoe --password-stdin"])
simple(F, "docker-hub-organization-access-token", "Docker Hub organization access token (dckr_oat_)",
       r"\b(dckr_oat_[0-9A-Za-z_-]{27,40})" + END_B64URL, ["dckr_oat_"], lambda g: "dckr_oat_" + g.s(B64URL, 32),
       rem("the organization's Admin Console > Access tokens on https://app.docker.com", "check the repositories' "
           "recent pushes, "), severity="critical", min_entropy=3.5,
       contexts=["docker login -u acme -p {s}", "DOCKER_ORG_TOKEN={s}", '  "password": "{s}",'],
       negatives=[lambda g: f"DOCKER_ORG_TOKEN=dckr_oat_{g.s(B64URL, 20)}", "DOCKER_ORG_TOKEN=dckr_oat_..."])

# ---------------------------------------------------------------- JFrog / Artifactory

JFROG_REM = rem("the JFrog Platform (your profile: Edit Profile > API key / Identity tokens > revoke; admins: "
                "Administration > User Management > Access Tokens on https://<server>.jfrog.io)",
                "review the repositories' recent deploys, ")
simple(F, "jfrog-api-key", "JFrog Artifactory API key (AKCp…)", r"\b(AKCp[0-9A-Za-z]{69})\b", ["akcp"],
       lambda g: "AKCp" + g.alnum(69), JFROG_REM, severity="critical", min_entropy=4.0,
       contexts=["export HOMEBREW_ARTIFACTORY_API_TOKEN={s}", "jfrog rt dl --url=https://acme.jfrog.io/artifactory --apikey={s} libs/app.jar",
                 "curl -H 'X-JFrog-Art-Api: {s}' https://acme.jfrog.io/artifactory/api/repositories"],
       negatives=[lambda g: f"wrongStart := \"AkCp{g.alnum(69)}\"", lambda g: f"ARTIFACTORY_API_KEY=AKCp{g.alnum(60)}",
                  "ARTIFACTORY_API_KEY=AKCpXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX",
                  lambda g: f"blob gYnkg{'AKCp' + g.alnum(69)}VyZSB2"])


def jfrog_reference(g):
    raw = b"reftkn:01:" + str(g.r.randint(1_800_000_000, 2_100_000_000)).encode() + b":" + g.alnum(27).encode()
    return b64(raw)


simple(F, "jfrog-reference-token", "JFrog reference (identity) token (cmVmdGtu…, base64 of reftkn:01:)",
       r"\b(cmVmdGtuOjAxO[0-9A-Za-z]{51})\b", ["cmvmdgtuojaxo"], jfrog_reference, JFROG_REM, severity="critical",
       min_entropy=4.0,
       contexts=["JFROG_ACCESS_TOKEN={s}", "jf c add acme --url https://acme.jfrog.io --access-token {s}",
                 "curl -H 'Authorization: Bearer {s}' https://acme.jfrog.io/artifactory/api/system/ping"],
       negatives=[lambda g: f"JFROG_ACCESS_TOKEN={jfrog_reference(g)[:50]}", "JFROG_ACCESS_TOKEN=cmVmdGtuOjAxO...",
                  lambda g: f"JFROG_ACCESS_TOKEN={jfrog_reference(g)}{g.alnum(6)}"])
typed_named_rule(
    F, "jfrog-identity-token", "JFrog identity token / API key (64 or 73 characters) assigned to a JFrog, "
    "Artifactory, Xray or Bintray credential name", cred("jfrog|artifactory|xray|bintray")
    + r"""|(?:jfrog|artifactory|bintray)["']""",
    r"([0-9A-Za-z]{64}(?:[0-9A-Za-z]{9})?)" + END_ALNUM, lambda g: g.alnum(64), "",
    keywords=["jfrog", "artifactory", "xray", "bintray"], words=["jfrog", "token"], severity="critical",
    min_entropy=3.5, what="token", remediation=JFROG_REM, tail=AFTER_CRED,
    # API keys (AKCp…) and reference tokens (base64 of `reftkn:`) have rules of their own
    exclude_words=["akcp", "cmvmdgtu"],
    extra_examples=lambda g: [f"helm install app --set imagePullSecretJfrog.password={g.alnum(73)}",
                              f'creds = ("artifactory", "{g.alnum(64)}")'])

# ---------------------------------------------------------------- package registries

simple(F, "cloudsmith-api-key", "Cloudsmith API key (40 hex) assigned to a Cloudsmith name",
       named("cloudsmith", r"([0-9a-f]{40})\b", NAME_TAIL + TYPE_OPT), ["cloudsmith"], lambda g: g.hex(40),
       rem("https://cloudsmith.io/user/settings/api/ (refresh the API key; service accounts: the workspace's "
           "Services)"), min_entropy=3.0,
       contexts=["CLOUDSMITH_API_KEY={s}", "cloudsmith_api_key: {s}",
                 "  \"cloudsmithApiKey\": \"{s}\","],
       negatives=[lambda g: f"CLOUDSMITH_API_KEY={g.hex(39)}", "CLOUDSMITH_API_KEY=${CLOUDSMITH_API_KEY}",
                  lambda g: f"commit_sha = {g.hex(40)}"])
simple(F, "clojars-deploy-token", "Clojars deploy token (CLOJARS_)", r"\b(CLOJARS_[0-9A-Za-z]{60})\b", ["clojars_"],
       lambda g: "CLOJARS_" + g.hex(60), rem("https://clojars.org/tokens", "check your groups' recent deploys, "),
       min_entropy=3.0,
       contexts=["CLOJARS_PASSWORD={s}", ':repositories [["clojars" {{:url "https://repo.clojars.org" :username "jdoe" :password "{s}"}}]]',
                 "  clojars_token: {s}"],
       negatives=[lambda g: f"CLOJARS_PASSWORD=CLOJARS_{g.hex(40)}", "CLOJARS_PASSWORD=CLOJARS_xxx"])
simple(F, "rubygems-api-key", "RubyGems.org API key (rubygems_)", r"\b(rubygems_[0-9a-f]{48})\b", ["rubygems_"],
       lambda g: "rubygems_" + g.hex(48), rem("https://rubygems.org/profile/api_keys", "check your gems' recent "
                                              "releases, use trusted publishing, "), severity="critical",
       min_entropy=3.0,
       contexts=["GEM_HOST_API_KEY={s}", "---\n:rubygems_api_key: {s}",
                 "curl -H 'Authorization:{s}' https://rubygems.org/api/v1/web_hooks.json"],
       negatives=[lambda g: f"GEM_HOST_API_KEY=rubygems_{g.hex(40)}", "GEM_HOST_API_KEY=rubygems_<key>"])
simple(F, "nuget-api-key", "NuGet.org API key (oy2…)", r"\b(oy2[0-9a-z]{43})\b", ["oy2"],
       lambda g: "oy2" + g.s(DIGITS + LOWER, 43), rem("https://www.nuget.org/account/apikeys", "check your packages' "
                                                      "recent versions, "), severity="critical", min_entropy=3.5,
       contexts=["dotnet nuget push app.nupkg --api-key {s} --source https://api.nuget.org/v3/index.json",
                 "NUGET_API_KEY={s}", "nuget setApiKey {s}"],
       negatives=[lambda g: f"NUGET_API_KEY=oy2{g.s(DIGITS + LOWER, 30)}", "NUGET_API_KEY=oy2<key>",
                  lambda g: f"NUGET_API_KEY=oy2{g.s(DIGITS + UPPER, 43)}"])
simple(F, "crates-io-api-token", "crates.io API token (cio…)",
       r"(?:(?m:^)|[^0-9A-Za-z+/_-])(cio[0-9A-Za-z]{32})(?:[^0-9A-Za-z+/=_-]|$)", ["cio"],
       lambda g: "cio" + g.alnum(32), rem("https://crates.io/settings/tokens", "check your crates' recent "
                                          "versions, prefer trusted publishing, "), severity="critical",
       min_entropy=3.5,
       contexts=["CARGO_REGISTRY_TOKEN={s}", "cargo publish --token {s}", '[registry]\ntoken = "{s}"',
                 "Authorization: {s}"],
       negatives=[lambda g: f"CARGO_REGISTRY_TOKEN=cio{g.alnum(20)}", lambda g: f"data = \"x+cio{g.alnum(32)}/y\"",
                  lambda g: f"CARGO_REGISTRY_TOKEN=cio{g.alnum(40)}", "let precious = ciocia(s);"])
simple(F, "private-packagist-token", "Private Packagist authentication token (packagist_ort_/out_/uut_/cut_)",
       r"\b(packagist_[oucr][rua]t_[0-9a-f]{68})\b", ["packagist_"],
       lambda g: f"packagist_{g.r.choice(['ort', 'out', 'uut', 'cut'])}_{g.hex(68)}",
       rem("the organization's Settings > Authentication Tokens on https://packagist.com (user tokens: your "
           "profile)"), min_entropy=3.0,
       contexts=["composer config --global --auth http-basic.repo.packagist.com token {s}",
                 'COMPOSER_AUTH=\'{{"http-basic": {{"repo.packagist.com": {{"username": "token", "password": "{s}"}}}}}}\'',
                 "PACKAGIST_TOKEN={s}"],
       negatives=[lambda g: f"PACKAGIST_TOKEN=packagist_ort_{g.hex(40)}", "$token = 'packagist_ort_..........';"])
typed_named_rule(
    F, "vagrant-cloud-token", "Vagrant Cloud (HCP Vagrant) token (….atlasv1.…) assigned to a Vagrant name",
    "vagrant", r"([0-9A-Za-z]{14}\.atlasv1\.[0-9A-Za-z_=-]{60,70})" + END_B64URL,
    lambda g: f"{g.alnum(14)}.atlasv1.{g.s(B64URL, 67)}", "", keywords=["vagrant"],
    words=["vagrant", "cloud", "token"], severity="high", min_entropy=3.5, lo=32, what="token",
    remediation=rem("https://app.vagrantup.com/settings/security (or the HCP project's service principal keys)",
                    "check your boxes' recent versions, "))

# ---------------------------------------------------------------- API tooling and developer platforms

simple(F, "postman-api-key", "Postman API key (PMAK-)", r"\b(PMAK-[0-9a-f]{24}-[0-9a-f]{34})\b", ["pmak-"],
       lambda g: f"PMAK-{g.hex(24)}-{g.hex(34)}", rem("https://go.postman.co/settings/me/api-keys",
                                                      "review the workspaces' environments it could read, "),
       severity="high", min_entropy=3.0,
       contexts=["POSTMAN_API_KEY={s}", "// ('x-api-key', '{s}')", "newman run https://api.getpostman.com/collections/1?apikey={s}"],
       negatives=[lambda g: f"POSTMAN_API_KEY=PMAK-{g.hex(24)}", "POSTMAN_API_KEY=PMAK-<your-key>"])
simple(F, "readme-api-key", "ReadMe API key (rdme_)", r"\b(rdme_[0-9a-z]{70})\b", ["rdme_"],
       lambda g: "rdme_" + g.s(DIGITS + LOWER, 70), rem("the project's API Keys page on https://dash.readme.com"),
       severity="medium", min_entropy=3.5,
       contexts=["README_API_KEY={s}", "rdme openapi openapi.json --key={s}", "  api_key: {s}"],
       negatives=["const API_KEY = 'rdme_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX';",
                  lambda g: f"README_API_KEY=rdme_{g.s(DIGITS + LOWER, 40)}"])
typed_named_rule(
    F, "rapidapi-key", "RapidAPI application key (50 characters) assigned to a RapidAPI name or X-RapidAPI-Key",
    cred("rapidapi"), r"([0-9A-Za-z_-]{50})" + END_B64URL,
    lambda g: f"{g.hex(10)}msh{g.hex(15)}p1{g.hex(6)}jsn{g.hex(11)}", "", keywords=["rapidapi"],
    words=["rapidapi", "key"], severity="medium", min_entropy=3.2, tail=AFTER_CRED,
    remediation=rem("https://rapidapi.com/developer/apps (the app > Authorization > rotate the key)"),
    extra_examples=lambda g: [f"headers = {{'X-RapidAPI-Key': '{g.hex(10)}msh{g.hex(15)}p1{g.hex(6)}jsn{g.hex(11)}'}}"])
typed_named_rule(
    F, "pipedream-api-key", "Pipedream API key assigned to a Pipedream name",
    cred("pipedream"), r"([0-9A-Za-z]{32})" + END_ALNUM, lambda g: g.hex(32), "", keywords=["pipedream"],
    words=["pipedream", "api", "key"], severity="high", min_entropy=3.0, tail=AFTER_CRED,
    remediation=rem("https://pipedream.com/settings/account (API key > regenerate; OAuth clients in the workspace "
                    "settings)"))
typed_named_rule(
    F, "qase-api-token", "Qase API token assigned to a Qase name",
    cred("qase"), r"([0-9A-Za-z]{40,64})" + END_ALNUM, lambda g: g.hex(40), "", keywords=["qase"],
    words=["qase", "api", "token"], severity="medium", min_entropy=3.0, lo=40, what="token", tail=AFTER_CRED,
    remediation=rem("https://app.qase.io/user/api/token"))
simple(F, "dependency-track-api-key", "OWASP Dependency-Track API key (odt_)",
       r"\b(odt_(?:[0-9A-Za-z]{8}_)?[0-9A-Za-z]{32,40})\b", ["odt_"], lambda g: "odt_" + g.alnum(32),
       rem("Dependency-Track's Administration > Access Management > Teams > the team > API Keys (regenerate or "
           "delete)"), severity="high", min_entropy=3.5,
       contexts=["DTRACK_API_KEY={s}", "curl -H 'X-Api-Key: {s}' https://dtrack.acme.io/api/v1/project",
                 '  apiKey: "{s}"'],
       negatives=[lambda g: f"DTRACK_API_KEY=odt_{g.alnum(20)}", lambda g: f"DTRACK_API_KEY={g.alnum(32)}",
                  "DTRACK_API_KEY=odt_<your-key>"])
simple(F, "stackhawk-api-key", "StackHawk API key (hawk.)", r"\b(hawk\.[0-9A-Za-z_-]{20}\.[0-9A-Za-z_-]{20})"
       + END_B64URL, ["hawk."], lambda g: f"hawk.{g.alnum(20)}.{g.alnum(20)}",
       rem("https://app.stackhawk.com/settings/apikeys"), severity="high", min_entropy=3.5,
       contexts=['HAWK_API_KEY="{s}"', "docker run -e API_KEY={s} stackhawk/hawkscan", "  api_key: {s}"],
       negatives=[lambda g: f"HAWK_API_KEY=hawk.{g.alnum(20)}", "hawk.config.yml", "HAWK_API_KEY=hawk.<id>.<secret>"])
typed_named_rule(
    F, "versioneye-api-key", "VersionEye API key assigned to a VersionEye name (service retired: any key is stale)",
    "versioneye", r"([0-9A-Za-z]{20,40})" + END_ALNUM, lambda g: g.alnum(20), "", keywords=["versioneye"],
    words=["versioneye", "api", "key"], severity="low", min_entropy=3.2, lo=20,
    remediation="VersionEye has shut down: delete the key from the code and " + PURGE)
simple(F, "intra42-client-secret", "42 Intra OAuth application client secret (s-s4t2ud-/s-s4t2af-)",
       r"\b(s-s4t2(?:ud|af)-[0-9a-f]{64})\b", ["s-s4t2"],
       lambda g: f"s-s4t2{g.r.choice(['ud', 'af'])}-{g.hex(64)}",
       rem("https://profile.intra.42.fr/oauth/applications (the application > Generate a new secret)"),
       severity="high", min_entropy=3.0,
       contexts=["FT_CLIENT_SECRET={s}", 'clientSecret := "{s}"', "  secret: {s}"],
       negatives=[lambda g: f"FT_CLIENT_SECRET=s-s4t2ud-{g.hex(40)}", "FT_CLIENT_SECRET=s-s4t2ud-<secret>",
                  lambda g: f"FT_CLIENT_UID=u-s4t2ud-{g.hex(64)}"])
# Under an Ionic/Appflow name: a bare "ion_" keyword is in every `version_`/`function_` of code.
simple(F, "ionic-access-token", "Ionic (Appflow) personal access token (ion_) under an Ionic or Appflow name",
       named("ionic|appflow", r"(ion_[0-9A-Za-z]{40,44})\b"), ["ionic", "appflow"], lambda g: "ion_" + g.alnum(42),
       rem("https://dashboard.ionicframework.com/settings/personal-access-tokens"), severity="high",
       min_entropy=3.5,
       contexts=["IONIC_TOKEN={s}", "appflow_token: {s}", '  "ionicToken": "{s}"'],
       negatives=[lambda g: f"IONIC_TOKEN=ion_{g.alnum(20)}", "let version_string = function_name(x);",
                  lambda g: f"region_{g.alnum(42)} = 1"])
typed_named_rule(
    F, "budibase-api-key", "Budibase API key (32 hex, a dash, then hex) assigned to a Budibase name",
    "budibase", r"([0-9a-f]{32}-[0-9a-f]{64,128})\b", lambda g: f"{g.hex(32)}-{g.hex(g.r.choice([78, 96]))}", "",
    keywords=["budibase"], words=["budibase", "api", "key"], severity="high", min_entropy=3.0, lo=97,
    remediation=rem("your Budibase portal (profile menu > View API key > regenerate)"))
typed_named_rule(
    F, "bitrise-access-token", "Bitrise personal or workspace access token assigned to a Bitrise name",
    "bitrise", r"([0-9A-Za-z_-]{60,100})" + END_B64URL, lambda g: g.s(B64URL, 86), "", keywords=["bitrise"],
    words=["bitrise", "token"], severity="high", min_entropy=3.5, lo=60, what="token",
    remediation=rem("https://app.bitrise.io/me/account/security (Personal access tokens; workspace tokens in the "
                    "workspace settings)"))
typed_named_rule(
    F, "appveyor-api-key", "AppVeyor API key (optionally v2.) assigned to an AppVeyor name",
    cred("appveyor"), r"((?:v2\.)?[0-9A-Za-z]{20})" + END_ALNUM, lambda g: "v2." + g.alnum(20), "",
    keywords=["appveyor"], words=["appveyor", "api", "key"], severity="high", min_entropy=3.2, lo=23, tail=AFTER_CRED,
    remediation=rem("https://ci.appveyor.com/api-keys (regenerate the key)"),
    extra_examples=lambda g: [f"APPVEYOR_TOKEN={g.alnum(20)}"])
simple(F, "teamcity-access-token", "JetBrains TeamCity access token (eyJ0eXAiOiAiVENWMiJ9…)",
       r"\b(eyJ0eXAiOiAiVENWMiJ9\.[0-9A-Za-z_-]{20,80}\.[0-9A-Za-z_-]{20,120})" + END_B64URL,
       ["eyj0exaioiaivenwmij9"], lambda g: f"eyJ0eXAiOiAiVENWMiJ9.{g.s(B64URL, 36)}.{g.s(B64URL, 48)}",
       rem("your TeamCity profile > Access Tokens (<teamcity-url>/profile.html?item=accessTokens)"),
       severity="critical", min_entropy=3.5,
       contexts=["TEAMCITY_TOKEN={s}", "curl -H 'Authorization: Bearer {s}' https://tc.acme.io/app/rest/server",
                 "  teamcity_token: {s}"],
       negatives=["TEAMCITY_TOKEN=eyJ0eXAiOiAiVENWMiJ9.<token>", lambda g: f"TEAMCITY_TOKEN=eyJ0eXAiOiAiVENWMiJ9.{g.s(B64URL, 10)}"])
