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
 * The W1 chart: calls per second per system, for N = 1,000 and N = 10,000.
 */
final class ThroughputChart {

	private final ResultTable table;

	ThroughputChart(ResultTable table) {
		this.table = table;
	}

	void writePng(Path file) throws IOException {
		DefaultCategoryDataset dataset = new DefaultCategoryDataset();
		for (String label : this.table.labels()) {
			for (int n : new int[] { 1000, 10000 }) {
				this.table.find(label, "W1", n)
					.ifPresent((m) -> dataset.addValue(m.callsPerSecond(), "N = " + String.format("%,d", n), label));
			}
		}
		JFreeChart chart = ChartFactory.createBarChart("W1 fan-out/fan-in: calls per second (higher is better)", null,
				"calls per second", dataset, PlotOrientation.HORIZONTAL, true, false, false);
		CategoryPlot plot = chart.getCategoryPlot();
		plot.setBackgroundPaint(Color.WHITE);
		plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
		BarRenderer renderer = (BarRenderer) plot.getRenderer();
		renderer.setBarPainter(new StandardBarPainter());
		renderer.setSeriesPaint(0, new Color(0x4C78A8));
		renderer.setSeriesPaint(1, new Color(0xF58518));
		chart.setBackgroundPaint(Color.WHITE);
		ChartUtils.saveChartAsPNG(file.toFile(), chart, 1000, 120 + 60 * this.table.labels().size());
	}

}
