"""Rules of the ai family."""
from rulegen.core import *  # noqa: F401,F403

# ============================== ai ==============================

OPENAI_REMEDIATION = ("Revoke it at {url}, check usage at https://platform.openai.com/usage for abuse, "
                      "create a new key scoped to one project, " + PURGE)


def openai_rule(rid, kind, desc, url, severity="high"):
    rule("ai",
         id=rid,
         description=desc,
         severity=severity,
         keywords=[f"sk-{kind}-"],
         regex=rf"\b(sk-{kind}-[0-9A-Za-z_-]{{40,250}})" + END_B64URL,
         min_entropy=4.0,
         remediation=OPENAI_REMEDIATION.format(url=url),
         examples=lambda g: [
             f"OPENAI_API_KEY={g.openai(kind)}",
             f'client = OpenAI(api_key="{g.openai(kind)}")',
             f'  openai_api_key: "{g.openai(kind)}"',
         ],
         negative_examples=lambda g: [
             f"OPENAI_API_KEY=sk-{kind}-{g.s(ALNUM, 20)}",
             f"OPENAI_API_KEY=sk-{kind}-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
             f"OPENAI_API_KEY=sk-{kind}-<your key>",
         ])


openai_rule("openai-project-key", "proj", "OpenAI project API key (sk-proj-)",
            "https://platform.openai.com/api-keys")
openai_rule("openai-service-account-key", "svcacct", "OpenAI service-account API key (sk-svcacct-)",
            "https://platform.openai.com/api-keys (project > Service accounts)")
openai_rule("openai-admin-key", "admin", "OpenAI organization admin key (sk-admin-)",
            "https://platform.openai.com/settings/organization/admin-keys", severity="critical")

rule("ai",
     id="openai-legacy-key",
     description="OpenAI legacy user API key (sk-…T3BlbkFJ…)",
     severity="high",
     keywords=["T3BlbkFJ"],
     regex=r"\b(sk-[0-9A-Za-z]{20}T3BlbkFJ[0-9A-Za-z]{20})\b",
     min_entropy=4.0,
     remediation=OPENAI_REMEDIATION.format(url="https://platform.openai.com/api-keys"),
     examples=lambda g: [
         f"OPENAI_API_KEY=sk-{g.alnum(20)}T3BlbkFJ{g.alnum(20)}",
         f"openai.api_key = 'sk-{g.alnum(20)}T3BlbkFJ{g.alnum(20)}'",
     ],
     negative_examples=lambda g: [
         f"OPENAI_API_KEY=sk-{g.alnum(20)}{g.alnum(28)}",
         f"OPENAI_API_KEY=sk-{g.alnum(12)}T3BlbkFJ{g.alnum(12)}",
     ])

ANTHROPIC_REMEDIATION = ("Disable and delete the key at {url}, check usage in the Console for abuse, "
                         "create a new key in the right workspace, " + PURGE)

for _rid, _kind, _desc, _url, _sev in [
        ("anthropic-api-key", "api03", "Anthropic API key (sk-ant-api03-)",
         "https://console.anthropic.com/settings/keys", "high"),
        ("anthropic-admin-key", "admin01", "Anthropic Admin API key (sk-ant-admin01-)",
         "https://console.anthropic.com/settings/admin-keys", "critical")]:
    rule("ai",
         id=_rid,
         description=_desc,
         severity=_sev,
         keywords=[f"sk-ant-{_kind}-"],
         regex=rf"\b(sk-ant-{_kind}-[0-9A-Za-z_-]{{86,100}}AA)" + END_B64URL,
         min_entropy=4.0,
         remediation=ANTHROPIC_REMEDIATION.format(url=_url),
         examples=(lambda kind: lambda g: [
             f"ANTHROPIC_API_KEY={g.anthropic(kind)}",
             f'client = anthropic.Anthropic(api_key="{g.anthropic(kind)}")',
             f'curl https://api.anthropic.com/v1/messages -H "x-api-key: {g.anthropic(kind)}"',
         ])(_kind),
         negative_examples=(lambda kind: lambda g: [
             f"ANTHROPIC_API_KEY=sk-ant-{kind}-{g.s(B64URL, 40)}AA",
             f"ANTHROPIC_API_KEY=sk-ant-{kind}-{g.s(B64URL, 93)}QZ",
             f"ANTHROPIC_API_KEY=sk-ant-{kind}-..."
         ])(_kind))

rule("ai",
     id="huggingface-token",
     description="Hugging Face user access token (hf_)",
     severity="high",
     keywords=["hf_"],
     regex=r"\b(hf_[A-Za-z]{34})\b",
     min_entropy=3.5,
     remediation=("Invalidate or delete it at https://huggingface.co/settings/tokens, create a new fine-grained "
                  "token, " + PURGE),
     examples=lambda g: [
         f"HF_TOKEN=hf_{g.s(LETTERS, 34)}",
         f'login(token="hf_{g.s(LETTERS, 34)}")',
         f"huggingface-cli login --token hf_{g.s(LETTERS, 34)}",
     ],
     negative_examples=lambda g: [
         "from huggingface_hub import hf_hub_download",
         f"HF_TOKEN=hf_{g.s(LETTERS, 20)}",
         f"HF_TOKEN=hf_{g.s(LETTERS + DIGITS, 30)}12{g.s(LETTERS, 2)}",
     ])

rule("ai",
     id="huggingface-org-token",
     description="Hugging Face organization API token (api_org_)",
     severity="high",
     keywords=["api_org_"],
     regex=r"\b(api_org_[A-Za-z]{34})\b",
     min_entropy=3.5,
     remediation=("Regenerate the organization token in the organization's settings at https://huggingface.co, "
                  + PURGE),
     examples=lambda g: [
         f"HUGGINGFACE_ORG_TOKEN=api_org_{g.s(LETTERS, 34)}",
         f'headers = {{"Authorization": "Bearer api_org_{g.s(LETTERS, 34)}"}}',
     ],
     negative_examples=lambda g: [
         "api_org_id = 12",
         f"token = api_org_{g.s(LETTERS, 12)}",
     ])
