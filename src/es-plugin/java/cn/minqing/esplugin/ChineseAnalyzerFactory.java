package cn.minqing.esplugin;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.AnalyzerFactory;

/** Analyzer type {@code minqing_chinese}: smartcn segmentation, punctuation and stop words removed. */
@NamedComponent("minqing_chinese")
public class ChineseAnalyzerFactory implements AnalyzerFactory {

    @Override
    public Analyzer create() {
        return new SmartChineseAnalyzer();
    }
}
