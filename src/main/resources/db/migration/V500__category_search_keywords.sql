-- Search keywords for each category (admins edit them on the category screen: 关键词，检索和自动分类参考).
-- Written after the usual 12345 work-order catalogue's headings and the words cadres file cases under
-- (the project's own compilation, not an official list). Search reads them as category intent: a query that
-- names one points to the category, whose cases it raises and, when nothing matches, lists. A category whose
-- keywords an admin already set keeps them.
update category set keywords = case code
    when 'water'      then '供水,用水,饮水,吃水,自来水,水管,水压,水质,水源,水厂,水表,水费,停水,管网,人饮'
    when 'road'       then '道路,公路,村道,通村路,通组路,交通,出行,通行,桥梁,路面,路基,塌方,修路,硬化,客运'
    when 'irrigation' then '水利,灌溉,农田,水渠,渠道,沟渠,山塘,水库,泵站,提灌,排涝,抗旱,农业用水,灌区'
    when 'farm-sales' then '销售,销路,滞销,收购,市场,行情,价格,压价,货款,电商,农产品,卖难,经销'
    when 'land'       then '土地,承包,流转,确权,宅基地,耕地,林地,征地,征收,地界,占地,山林'
    when 'subsidy'    then '低保,救助,补贴,补助,特困,五保,民政,残疾人,困难户,慰问,救济,惠农'
    when 'medical'    then '医疗,医保,看病,就医,报销,卫生院,卫生室,医生,药品,住院,门诊,新农合,诊所'
    when 'elderly'    then '养老,老人,老年,敬老院,养老金,留守老人,照护,照料,高龄,孤寡'
    when 'education'  then '教育,学校,上学,就学,入学,读书,学生,老师,校车,幼儿园,辍学,学费'
    when 'housing'    then '住房,房屋,危房,建房,漏雨,开裂,倒塌,安置房,房子,屋顶'
    when 'sanitation' then '环境,卫生,垃圾,污水,污染,保洁,厕所,焚烧,人居环境,清运,臭气,排污'
    when 'security'   then '治安,纠纷,矛盾,调解,吵架,打架,偷盗,盗窃,诈骗,邻里,报警,派出所'
    when 'employment' then '就业,务工,工资,工钱,欠薪,劳务,用工,劳动,社保,打工,招工,包工头'
    when 'power'      then '电力,供电,用电,停电,电压,电网,变压器,电费,电线,电表,线路'
    when 'telecom'    then '通信,网络,信号,宽带,基站,手机,电视,光纤,上网,移动,联通,电信'
    else keywords end
 where keywords = '';
