package cn.minqing.esplugin;

import java.util.List;
import org.elasticsearch.plugin.settings.AnalysisSettings;
import org.elasticsearch.plugin.settings.ListSetting;

/** Settings of {@code minqing_user_words}: the county's own words (place names, organisations, lexicon). */
@AnalysisSettings
public interface UserWordsSettings {

    @ListSetting(path = "words")
    List<String> words();
}
