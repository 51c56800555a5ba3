//! Throughput benchmarks: extraction alone, and normalise + extract, on the bundled samples.
//! Run with `cargo bench`; compare medians within one run (the machine is shared and noisy).

use newsdb::cli::{InputArgs, InputFormat};
use newsdb::model::Article;
use newsdb::pipeline;

/// The newsdb binary's allocator (src/main.rs): measure what it runs.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    divan::main();
}

/// The bundled samples, read and normalised once.
fn sample_articles() -> Vec<Article> {
    let args = InputArgs {
        inputs: vec![concat!(env!("CARGO_MANIFEST_DIR"), "/samples").to_string()],
        input_format: InputFormat::Auto,
        outlet: None,
        limits: Default::default(),
    };
    let mut articles = Vec::new();
    pipeline::run(&args, Some(1), &mut (), &mut |processed| {
        if let Ok((article, _)) = processed {
            articles.push(article);
        }
        Ok(())
    })
    .expect("samples read");
    articles
}

#[divan::bench]
fn extract_samples(bencher: divan::Bencher) {
    let articles = sample_articles();
    let bytes: usize = articles.iter().map(|a| a.body.len() + a.title.len()).sum();
    bencher.counter(divan::counter::BytesCount::new(bytes)).bench(|| {
        for article in &articles {
            divan::black_box(newsdb::extract::run(&article.title, &article.body));
        }
    });
}

#[divan::bench]
fn pipeline_samples_single_thread(bencher: divan::Bencher) {
    let args = InputArgs {
        inputs: vec![concat!(env!("CARGO_MANIFEST_DIR"), "/samples").to_string()],
        input_format: InputFormat::Auto,
        outlet: None,
        limits: Default::default(),
    };
    bencher.bench(|| {
        let mut n = 0;
        pipeline::run(&args, Some(1), &mut (), &mut |_| {
            n += 1;
            Ok(())
        })
        .expect("samples read");
        n
    });
}
