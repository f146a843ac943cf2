-- mend11: a message that could not be sent within minqing.channels.give-up-after of the change it tells of (a channel
-- no instance serves any more, a gateway down for days) ends as 'expired', with an 'expired' try, instead of waiting
-- in the outbox for ever; it stays visible to admins with its tries, as a failed one does.
alter table outbound_message drop constraint outbound_message_status_check,
    add constraint outbound_message_status_check
        check (status in ('pending', 'accepted', 'delivered', 'undelivered', 'failed', 'opted-out', 'capped', 'no-address',
                          'expired'));
alter table outbound_attempt drop constraint outbound_attempt_outcome_check,
    add constraint outbound_attempt_outcome_check
        check (outcome in ('accepted', 'refused', 'timeout', 'error', 'receipt', 'expired'));
