"""Rules of the databases family."""
from rulegen.core import *  # noqa: F401,F403

# ============================== databases ==============================

DB_REMEDIATION = ("Change the database user's password now ({how}), check the server's logs for logins from "
                  "unknown hosts, move the URL to a secret manager or an environment variable, " + PURGE)
# user: no ':' '@' '/' or space; password: no '/' space quotes '<>' '{}' '*', may hold '@' (the
# host starts after the last one), must not start with '$' '%' '_' '@' (templating) and must not be
# a placeholder word; host: at least one byte.
# (Placeholder passwords (`password`, `guest`, `changeme`…) are the typed-password validator's.)
DB_USERPASS = (r"[^:@/\s\"'<>]*:("
               + r"[^@/\s\"'<>{}*$%_][^/\s\"'<>{}*]*"
               # a host, not a percent-encoded unix socket path (`@%2Ftmp%2Fmongodb.sock`)
               + r")@[^@/\s\"'<>%][^@/\s\"'<>]*")


def db_rule(rid, desc, scheme_re, keywords, schemes, how, host, path):
    def examples(g):
        s = schemes
        return [
            f"DATABASE_URL={s[0]}://app_{g.s(LOWER, 4)}:{g.password()}@{host}{path}",
            f'  url: "{s[-1]}://svc:{g.password()}@{host.split(":")[0]}{path}"',
            f'engine = connect("{s[0]}://admin:{g.password()}@10.0.{g.r.randint(0, 255)}.{g.r.randint(1, 254)}{path}")',
            f"{s[0]}://ops:{g.alnum(5)}@{g.alnum(4)}@{host}{path}",
        ]

    def negatives(g):
        s = schemes[0]
        return [
            f"DATABASE_URL={s}://user:password@localhost{path}",
            f"DATABASE_URL={s}://app:${{DB_PASSWORD}}@{host}{path}",
            f"DATABASE_URL={s}://app:<password>@{host}{path}",
            f"DATABASE_URL={s}://{host}{path}",
            f"DATABASE_URL={s}://user:@{host}{path}",
            f"DATABASE_URL={s}://app:$DB_PASSWORD@{host}{path}",
        ]

    rule("databases",
         id=rid,
         description=desc,
         severity="high",
         keywords=keywords,
         regex=r"(?i:\b" + scheme_re + r")://" + DB_USERPASS,
         min_entropy=2.0,
         validate="typed-password",
         remediation=DB_REMEDIATION.format(how=how),
         examples=examples,
         negative_examples=negatives)


db_rule("postgres-connection-url", "PostgreSQL connection URL with a password",
        r"(?:postgres(?:ql)?|postgis)(?:\+[a-z0-9]+)?",
        ["postgres://", "postgresql://", "postgres+", "postgresql+", "postgis://"],
        ["postgres", "postgresql+psycopg2"], "ALTER ROLE … PASSWORD …", "db.internal:5432", "/orders")
db_rule("mysql-connection-url", "MySQL/MariaDB connection URL with a password",
        r"(?:mysql(?:x|2)?|mariadb)(?:\+[a-z0-9]+)?", ["mysql://", "mysql+", "mysql2://", "mysqlx://", "mariadb://", "mariadb+"],
        ["mysql", "mysql+pymysql"], "ALTER USER … IDENTIFIED BY …", "mysql.internal:3306", "/shop")
db_rule("mongodb-connection-url", "MongoDB connection string with a password",
        r"mongodb(?:\+srv)?", ["mongodb://", "mongodb+srv://"],
        ["mongodb", "mongodb+srv"], "db.changeUserPassword(), or Database Access in MongoDB Atlas",
        "cluster0.a1b2c.mongodb.net", "/app?retryWrites=true&w=majority")
db_rule("redis-connection-url", "Redis connection URL with a password",
        r"rediss?", ["redis://", "rediss://"],
        ["redis", "rediss"], "ACL SETUSER / requirepass, or the provider's console", "cache.internal:6379", "/0")
db_rule("amqp-connection-url", "AMQP (RabbitMQ) connection URL with a password",
        r"amqps?", ["amqp://", "amqps://"],
        ["amqp", "amqps"], "rabbitmqctl change_password", "mq.internal:5672", "/jobs")
