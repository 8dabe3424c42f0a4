package io.github.dispatchspring.durability.draw;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A web application whose one function, {@code draw}, returns a value drawn at random, so that a
 * call that ran twice would show two different results; with {@code draws.await=true} it also
 * dispatches calls of its own one after another and logs each result it awaited.
 */
@SpringBootApplication
public class DrawApplication {

	public static void main(String[] args) {
		SpringApplication.run(DrawApplication.class, args);
	}

}
