-- What each tool takes, and whether it is sensitive. A tool's parameters are rows of their own; a tool that brings
-- its own JSON Schema (an MCP server's) keeps the text in input_schema. Tools stored before this migration take no
-- arguments until their integration is connected again (the provider's catalog then fills them in).
alter table integration_tools
    add column input_schema     text check (length(input_schema) <= 65536),
    add column sensitive        boolean not null default false,  -- the catalog's mark
    add column marked_sensitive boolean not null default false;  -- the MSP's own mark

create table integration_tool_parameters (
    integration_id uuid not null,
    tool           text not null,
    position       integer not null,
    name           text not null check (length(name) between 1 and 64),
    type           text not null check (type in ('string', 'integer', 'number', 'boolean', 'json')),
    required       boolean not null,
    description    text not null,
    allowed        text[] not null,
    pattern        text,
    max_length     integer check (max_length >= 1),
    primary key (integration_id, tool, position),
    unique (integration_id, tool, name),
    foreign key (integration_id, tool) references integration_tools (integration_id, name) on delete cascade
);
