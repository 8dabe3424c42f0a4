package io.github.dispatchspring.bench.report;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * The W1 chart: the median calls per second per system, for N = 1,000 and N = 10,000.
 */
final class ThroughputChart {

	private final MeasuredRuns runs;

	ThroughputChart(MeasuredRuns runs) {
		this.runs = runs;
	}

	void writePng(Path file) throws IOException {
		DefaultCategoryDataset dataset = new DefaultCategoryDataset();
		for (String label : this.runs.labels()) {
			add(dataset, label, Figure.W1_1000, "N = 1,000");
			add(dataset, label, Figure.W1_10000, "N = 10,000");
		}
		String title = "W1 fan-out/fan-in: calls per second, median of " + this.runs.runCount()
				+ " runs (higher is better)";
		JFreeChart chart = ChartFactory.createBarChart(title, null, "calls per second", dataset,
				PlotOrientation.HORIZONTAL, true, false, false);
		CategoryPlot plot = chart.getCategoryPlot();
		plot.setBackgroundPaint(Color.WHITE);
		plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
		BarRenderer renderer = (BarRenderer) plot.getRenderer();
		renderer.setBarPainter(new StandardBarPainter());
		renderer.setSeriesPaint(0, new Color(0x4C78A8));
		renderer.setSeriesPaint(1, new Color(0xF58518));
		chart.setBackgroundPaint(Color.WHITE);
		ChartUtils.saveChartAsPNG(file.toFile(), chart, 1000, 120 + 60 * this.runs.labels().size());
	}

	private void add(DefaultCategoryDataset dataset, String label, Figure figure, String series) {
		this.runs.spread(label, figure).ifPresent((spread) -> dataset.addValue(spread.median(), series, label));
	}

}
