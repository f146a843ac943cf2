-- A message a case owes its reporter on SMS/WeChat, written in the transaction of the change it tells of, and turned
-- into the channel outbox's rows (the person's channels, the template's text) by the sender after the commit, in the
-- transaction that deletes it. It exists exactly when the change committed: a rolled-back filing leaves none, a crash
-- after the commit leaves it for the sender's next pass. Filing's "received" (收到) message is owed this way, so the
-- filing itself reads no channel choice or template (issue 16).
create table channel_message_due (
    id          bigserial primary key,
    case_number varchar(32) not null,
    event       varchar(32) not null,
    created_at  timestamptz not null
);
