-- The domain thesaurus (三农/民生): an official term and the colloquial phrases, dialect words and other
-- official names people use for it, with the category it points to and where the entry comes from.
-- Applied at query time with a lower weight than the typed words; admins edit it at
-- /api/admin/thesaurus. Seeded by V352 from src/main/resources/search/thesaurus.tsv.
create table search_thesaurus (
    id        serial primary key,
    term      varchar(64) not null,
    variants  text not null,
    category  varchar(32) references category (code),
    source    varchar(200) not null default ''
);
