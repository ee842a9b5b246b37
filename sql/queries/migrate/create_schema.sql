-- The schema of smelt's own state; the first migration creates it too.
create schema if not exists smelt
