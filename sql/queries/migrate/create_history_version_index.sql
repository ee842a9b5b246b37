-- A version is applied at most once, even if two runs ever raced past the lock.
create unique index if not exists schema_history_version_idx
    on smelt.schema_history (version)
    where kind = 'versioned' and success
