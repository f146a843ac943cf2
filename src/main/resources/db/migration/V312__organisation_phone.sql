-- A number villagers can call about their case (tap to call on the phone page); optional.
alter table organisation add column phone varchar(20);
