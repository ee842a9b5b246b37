-- smelt.schema_history: every migration and repeatable object smelt migrate
-- applied, with the checksum of the file as it was then.
-- grain: one row per application (a repeatable gets a row each time it runs)
-- key: installed_rank; version is unique among versioned rows
create table if not exists smelt.schema_history (
    installed_rank  serial      primary key,
    version         bigint,
    description     text        not null,
    script          text        not null,
    kind            text        not null check (kind in ('versioned', 'repeatable')),
    checksum        text        not null,
    installed_by    text        not null default current_user,
    installed_at    timestamptz not null default now(),
    execution_ms    bigint      not null,
    success         boolean     not null,
    check ((kind = 'versioned') = (version is not null))
)
