"""Rules of the cloud family."""
from rulegen.core import *  # noqa: F401,F403

# ============================== cloud ==============================

rule("cloud",
     id="aws-access-key-id",
     description="AWS access key ID (long-term AKIA, temporary ASIA, ABIA/ACCA)",
     severity="high",
     keywords=["AKIA", "ASIA", "ABIA", "ACCA"],
     regex=r"\b((?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16})\b",
     min_entropy=3.0,
     remediation=("Deactivate and delete the key in IAM (https://console.aws.amazon.com/iam/home#/security_credentials "
                  "or the owning user's Security credentials tab), check CloudTrail for its use, create a new key "
                  "or better a role, " + PURGE),
     examples=lambda g: [
         f"AWS_ACCESS_KEY_ID=AKIA{g.s(B32AWS, 16)}",
         f"aws_access_key_id = ASIA{g.s(B32AWS, 16)}",
         f'{{"AccessKeyId": "AKIA{g.s(B32AWS, 16)}", "Status": "Active"}}',
     ],
     negative_examples=lambda g: [
         f"AWS_ACCESS_KEY_ID=AKIA{g.s(B32AWS, 12)}",
         "key = AKIA1234567890ABCDEF",
         f"id = XAKIA{g.s(B32AWS, 16)}",
         f"travel_region = ASIA_PACIFIC_{g.s(UPPER, 10)}",
     ])

rule("cloud",
     id="aws-secret-access-key",
     description="AWS secret access key next to an AWS secret key name",
     severity="critical",
     keywords=["secret_access_key", "secretaccesskey", "secret-access-key", "aws_secret", "aws-secret"],
     regex=(r"(?i:secret[_-]?access[_-]?key|aws[_-]secret(?:[_-]key)?)[A-Za-z_]*" + ASSIGN
            + r"([A-Za-z0-9/+]{40})(?:[^A-Za-z0-9/+=]|$)"),
     min_entropy=4.0,
     remediation=("Deactivate and delete the access key in IAM (https://console.aws.amazon.com/iam/home#/security_credentials), "
                  "check CloudTrail for its use, issue a new key or switch to a role, " + PURGE),
     examples=lambda g: [
         f"AWS_SECRET_ACCESS_KEY={g.s(ALNUM + '/+', 40)}",
         f'aws_secret_access_key: "{g.s(ALNUM + "/+", 40)}"',
         f'    "SecretAccessKey": "{g.s(ALNUM + "/+", 40)}",',
         f"aws configure set aws_secret_access_key {g.s(ALNUM + '/+', 40)}",
     ],
     negative_examples=lambda g: [
         "AWS_SECRET_ACCESS_KEY=${AWS_SECRET_ACCESS_KEY}",
         f"aws_secret_access_key = {g.s(ALNUM + '/+', 39)}",
         "aws_secret_access_key: <your secret key>",
         f"secret_access_key = {g.s(ALNUM, 64)}",
     ])

rule("cloud",
     id="google-api-key",
     description="Google API key (AIza…)",
     severity="high",
     keywords=["AIza"],
     regex=r"\b(AIza[0-9A-Za-z_-]{35})" + END_B64URL,
     min_entropy=3.5,
     remediation=("Delete or regenerate the key at https://console.cloud.google.com/apis/credentials, add API and "
                  "application restrictions to the new key, review billing for abuse, " + PURGE),
     examples=lambda g: [
         f"GOOGLE_API_KEY=AIza{g.s(B64URL, 35)}",
         f'<script src="https://maps.googleapis.com/maps/api/js?key=AIza{g.s(B64URL, 35)}&callback=initMap"></script>',
         f'  "api_key": "AIza{g.s(B64URL, 35)}",',
     ],
     negative_examples=lambda g: [
         f"GOOGLE_API_KEY=AIza{g.s(B64URL, 30)}",
         "GOOGLE_API_KEY=AIzaXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX",
         f"key = AIza{g.s(ALNUM, 40)}",
     ])

rule("cloud",
     id="gcp-service-account-key",
     description="Google Cloud service-account key file (private_key in a service_account JSON)",
     severity="critical",
     keywords=["service_account"],
     regex=(r'(?s)"type"\s*:\s*"service_account".*?"private_key"\s*:\s*"'
            + pem_regex("(?:RSA )?PRIVATE KEY")),
     window=8192,
     min_entropy=4.0,
     remediation=("Delete the key under the service account's Keys tab at "
                  "https://console.cloud.google.com/iam-admin/serviceaccounts, check Cloud Audit Logs for its use, "
                  "prefer Workload Identity Federation over key files, " + PURGE),
     examples=lambda g: [
         "{\n"
         '  "type": "service_account",\n'
         '  "project_id": "billing-prod-4821",\n'
         f'  "private_key_id": "{g.hex(40)}",\n'
         f'  "private_key": "{g.pem("PRIVATE KEY", newline=chr(92) + "n")}\\n",\n'
         '  "client_email": "deployer@billing-prod-4821.iam.gserviceaccount.com",\n'
         f'  "client_id": "{g.digits(21)}",\n'
         '  "token_uri": "https://oauth2.googleapis.com/token"\n'
         "}",
         '{"type":"service_account","project_id":"etl-jobs","private_key_id":"' + g.hex(40)
         + '","private_key":"' + g.pem("PRIVATE KEY", newline=chr(92) + "n")
         + '\\n","client_email":"etl@etl-jobs.iam.gserviceaccount.com"}',
     ],
     negative_examples=lambda g: [
         '{\n  "type": "service_account",\n  "project_id": "demo",\n'
         '  "private_key": "-----BEGIN PRIVATE KEY-----\\n...\\n-----END PRIVATE KEY-----\\n"\n}',
         '{"type": "service_account", "private_key": ""}',
         '{"type": "authorized_user", "client_id": "' + g.digits(12) + '", "refresh_token": "<token>"}',
     ])
