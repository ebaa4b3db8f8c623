-- Database and roles of the PGD workflows application. Run once, as a PostgreSQL superuser:
--
--   psql -v ON_ERROR_STOP=1 -v db=pgd -v owner=pgd_owner -v app=pgd_app \
--        -v owner_password="$OWNER_PASSWORD" -v app_password="$APP_PASSWORD" \
--        -f ops/postgres/create-database.sql
--
-- Two roles (see ops/README.md, "Base de datos"):
--   owner  owns the schema; Liquibase connects with it at start-up to create and upgrade the tables
--          (PGD_DB_MIGRATION_USER). Nobody logs in with it otherwise.
--   app    the application's everyday role (PGD_DB_USER): reads and writes rows, cannot create,
--          alter or drop anything, cannot create databases or roles.

\set ON_ERROR_STOP on

CREATE ROLE :"owner" LOGIN PASSWORD :'owner_password'
  NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION;
CREATE ROLE :"app" LOGIN PASSWORD :'app_password'
  NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION
  CONNECTION LIMIT 60;

CREATE DATABASE :"db" OWNER :"owner" ENCODING 'UTF8' TEMPLATE template0;
REVOKE ALL ON DATABASE :"db" FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE :"db" TO :"app";

\connect :"db"

-- Only the owner creates objects; the application role uses what the owner creates.
REVOKE ALL ON SCHEMA public FROM PUBLIC;
ALTER SCHEMA public OWNER TO :"owner";
GRANT USAGE ON SCHEMA public TO :"app";

-- Every table and sequence the owner creates from now on (Camunda's and ours, at every upgrade)
-- is readable and writable by the application, and nothing more.
ALTER DEFAULT PRIVILEGES FOR ROLE :"owner" IN SCHEMA public
  GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO :"app";
ALTER DEFAULT PRIVILEGES FOR ROLE :"owner" IN SCHEMA public
  GRANT USAGE, SELECT ON SEQUENCES TO :"app";
