-- More ways villagers say the same thing.
insert into search_synonym (terms) values
  ('秸秆焚烧,焚烧秸秆,烧秸秆'),
  ('柑橘,橘子,桔子'),
  ('卖不出去,没人收,卖不掉'),
  ('信号差,没信号,信号不好');
