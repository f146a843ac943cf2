-- mend10: an owed message keeps the channels the filing's instance had set up (its gateways), so that whichever
-- instance renders it after the commit queues it on those channels and no others (a mixed fleet, a rolling change of
-- settings). Null on rows owed before this column existed: those are rendered as before, with the renderer's gateways.
alter table channel_message_due add column sms boolean, add column wechat boolean;
