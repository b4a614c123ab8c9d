/**
 * The demo's generated items: a product review put together from a product's own praise, complaints or plain facts
 * and a closing verdict (so its sentiment is known by construction), paired with a user prompt and two assistant
 * replies, one right and one wrong, vague or a little worse (so the preference is known too; which side is right is
 * drawn). Seeded: the same items, in the same order, on every first run.
 */
import { createRng, type Rng } from '../../quality/random.js';
import type { DemoItem, DemoTruth, Sentiment } from './demo-items.js';

interface Product {
  name: string;
  good: string[];
  bad: string[];
  plain: string[];
}

const PRODUCTS: Product[] = [
  {
    name: 'kettle',
    good: ['boils a full jug in under three minutes', 'switches off reliably and the handle stays cool'],
    bad: ['started leaking from the base after a month', 'leaves a plastic taste in the water'],
    plain: ['is the same size as my old one', 'came in a plain box with a short manual'],
  },
  {
    name: 'air fryer',
    good: ['makes crisp chips with a spoon of oil', 'is quiet and the basket cleans in a minute'],
    bad: ['burns everything on the top rack', 'stopped heating after six weeks'],
    plain: ['takes up about as much room as a toaster', 'has four presets and a dial for the time'],
  },
  {
    name: 'office chair',
    good: ['fixed my back pain within a week', 'is sturdy and the armrests adjust every way'],
    bad: ['creaks every time I lean back', 'lost its height after two months'],
    plain: ['took about forty minutes to assemble', 'is grey, as in the photos'],
  },
  {
    name: 'running shoes',
    good: ['are light and my knees no longer ache after a long run', 'have great grip on wet roads'],
    bad: ['gave me blisters on the first run', 'had the sole peeling off within three weeks'],
    plain: ['fit like my usual size', 'arrived in a box two sizes too big'],
  },
  {
    name: 'wireless earbuds',
    good: ['have clear sound and the battery lasts all day', 'pair instantly and stay in during workouts'],
    bad: ['keep dropping the connection to my phone', 'have a left bud that died after a month'],
    plain: ['come with three sizes of ear tips', 'charge over USB-C'],
  },
  {
    name: 'desk lamp',
    good: ['gives a soft, even light that is easy on the eyes', 'has a dimmer that goes really low for reading at night'],
    bad: ['flickers at anything below full brightness', 'has a clamp that snapped the second week'],
    plain: ['has a cable about a metre and a half long', 'is matte black'],
  },
  {
    name: 'backpack',
    good: ['fits my laptop and a change of clothes with room to spare', 'kept everything dry in a downpour'],
    bad: ['has straps that dig into my shoulders', 'tore at the seam on the first trip'],
    plain: ['has two side pockets and a laptop sleeve', 'is a little smaller than I expected'],
  },
  {
    name: 'coffee grinder',
    good: ['grinds evenly from espresso to French press', 'is fast and barely makes a mess'],
    bad: ['jams on dark roasts', 'throws grounds all over the counter'],
    plain: ['holds enough beans for about six cups', 'has a timer on the side'],
  },
  {
    name: 'robot vacuum',
    good: ['picks up all the dog hair and finds its dock every time', 'maps the whole flat and never gets stuck'],
    bad: ['gets stuck under the sofa every single day', 'lost its map after an update and wanders aimlessly'],
    plain: ['runs for about ninety minutes on a charge', 'is controlled through an app'],
  },
  {
    name: 'phone case',
    good: ['survived several drops onto tiles without a mark on the phone', 'is slim and the buttons still click nicely'],
    bad: ['turned yellow within a month', 'makes the buttons hard to press'],
    plain: ['is clear plastic', 'adds a couple of millimetres to the phone'],
  },
  {
    name: 'electric toothbrush',
    good: ['leaves my teeth feeling like after a dentist visit', 'lasts three weeks on a charge'],
    bad: ['stopped holding a charge after two months', 'is so loud it wakes the whole house'],
    plain: ['comes with two brush heads', 'has a two-minute timer'],
  },
  {
    name: 'yoga mat',
    good: ['is thick enough for my knees and does not slip', 'rolls up small and has a handy strap'],
    bad: ['smells of chemicals even after a week of airing', 'started flaking after a few sessions'],
    plain: ['is six millimetres thick', 'is purple, as ordered'],
  },
  {
    name: 'baby monitor',
    good: ['has a clear picture even in the dark', 'has a range that covers the whole house and garden'],
    bad: ['loses the signal if I go downstairs', 'has a screen that freezes every night'],
    plain: ['has a parent unit and one camera', 'runs on mains power only'],
  },
  {
    name: 'cast-iron pan',
    good: ['sears steak beautifully and goes in the oven', 'came well seasoned and nothing sticks'],
    bad: ['arrived rusty', 'has a handle that gets too hot to hold even with a cloth'],
    plain: ['is heavy, as cast iron is', 'is twenty-six centimetres across'],
  },
  {
    name: 'smartwatch',
    good: ['tracks my runs accurately and the battery lasts a week', 'has a bright screen that reads fine in sunlight'],
    bad: ['counts steps when I am sitting still', 'has a strap that broke in a month'],
    plain: ['syncs with an app on my phone', 'came with a magnetic charger'],
  },
  {
    name: 'bed sheets',
    good: ['are soft and got even softer after washing', 'stay cool on warm nights'],
    bad: ['pilled after the second wash', 'shrank so much they no longer fit the mattress'],
    plain: ['are white cotton', 'came folded in a cloth bag'],
  },
];

const CLOSERS: Record<Sentiment, string[]> = {
  positive: ['Highly recommend.', 'Worth every penny.', 'Would buy again.', 'Five stars from me.', 'Really happy with it.', 'Great value.'],
  negative: ['Returning it.', 'Avoid.', 'Very disappointed.', 'Not worth the money.', 'One star.', 'I regret buying it.'],
  neutral: ['Too early to say more.', 'It does the job, I suppose.', 'No strong feelings either way.', 'Will update after a month of use.', 'Nothing more to add.'],
};

/** A prompt with a right reply and a worse one; `margin` is how much better the right one is (1 slightly … 3 much). */
interface Exchange {
  prompt: string;
  good: string;
  worse: string;
  margin: 1 | 2 | 3;
  /** Why the worse one is worse, for a gold item's explanation. */
  why: string;
}

const EXCHANGES: Exchange[] = [
  { prompt: 'How many teaspoons are in a tablespoon?', good: 'Three teaspoons make one tablespoon.', worse: 'Two teaspoons make one tablespoon.', margin: 3, why: 'A tablespoon is three teaspoons.' },
  { prompt: 'What is the chemical symbol for gold?', good: 'Au, from the Latin "aurum".', worse: 'Go.', margin: 3, why: 'Gold is Au.' },
  { prompt: 'Can I put a cast-iron pan in the dishwasher?', good: 'Better not: the dishwasher strips the seasoning and it will rust. Wash it by hand and dry it straight away.', worse: 'Yes, any pan is dishwasher safe.', margin: 3, why: 'A dishwasher strips the seasoning and rusts cast iron.' },
  { prompt: 'How often should I replace a toothbrush?', good: 'Every three months, or sooner if the bristles are frayed.', worse: 'Once a year is enough.', margin: 3, why: 'Dentists advise every three months.' },
  { prompt: 'What is the speed of light in a vacuum?', good: 'About 299,792 km per second.', worse: 'About 300 km per second.', margin: 3, why: 'Light travels about 300,000 km/s, not 300.' },
  { prompt: 'Is it safe to mix bleach and ammonia for cleaning?', good: 'No. Together they release toxic chloramine gas; use one or the other, with the window open.', worse: 'Yes, mixing them makes a stronger cleaner.', margin: 3, why: 'Bleach and ammonia release toxic gas: the other reply is dangerous.' },
  { prompt: 'How do I convert Celsius to Fahrenheit?', good: 'Multiply by 9/5 and add 32: 20 °C is 68 °F.', worse: 'Add 32 and multiply by 2.', margin: 3, why: 'F = C × 9/5 + 32.' },
  { prompt: 'What does CPU stand for?', good: 'Central processing unit.', worse: 'Computer power unit.', margin: 3, why: 'CPU is the central processing unit.' },
  { prompt: 'How long can cooked rice be kept in the fridge?', good: 'Up to a day, cooled quickly and kept in a closed container; reheat it until steaming hot, once.', worse: 'About two weeks.', margin: 3, why: 'Cooked rice can carry Bacillus cereus; two weeks is unsafe.' },
  { prompt: 'Which planet is closest to the Sun?', good: 'Mercury.', worse: 'Venus.', margin: 3, why: 'Mercury is closest.' },
  { prompt: 'Write a subject line for an email asking to move a meeting.', good: 'Could we move Thursday\'s meeting to Friday?', worse: 'Meeting', margin: 2, why: 'The other subject line says nothing about the request.' },
  { prompt: 'Explain what an API is in one sentence.', good: 'An API is a set of rules that lets one program ask another for data or actions, like a menu of requests it accepts.', worse: 'An API is a thing programmers use.', margin: 2, why: 'The other reply explains nothing.' },
  { prompt: 'Give me a tip for keeping cut flowers fresh.', good: 'Trim the stems at an angle and change the water every two days.', worse: 'Keep them in water.', margin: 2, why: 'The other reply is too vague to help.' },
  { prompt: 'How do I centre a div horizontally in CSS?', good: 'Give it a width and `margin: 0 auto`, or make the parent `display: flex; justify-content: center`.', worse: 'Use `text-align: center` on the div.', margin: 2, why: 'text-align centres inline content, not the div itself.' },
  { prompt: 'What should I pack for a day hike?', good: 'Water, snacks, a map or charged phone, a rain layer, sun cream and a small first-aid kit.', worse: 'Water.', margin: 2, why: 'The other list leaves out most essentials.' },
  { prompt: 'Suggest a name for a cat.', good: 'Miso, Pepper or Juniper.', worse: 'Cat.', margin: 2, why: 'The other reply is not a real suggestion.' },
  { prompt: 'Rewrite "the meeting was postponed by the manager" in the active voice.', good: 'The manager postponed the meeting.', worse: 'The meeting, by the manager, was postponed.', margin: 3, why: 'Only one reply is in the active voice.' },
  { prompt: 'What is a good first step when a laptop runs slowly?', good: 'Restart it, then check which programs use the most memory in the task manager.', worse: 'Buy a new laptop.', margin: 2, why: 'The other reply skips every simple fix.' },
  { prompt: 'Thank a colleague for covering my shift.', good: 'Thanks so much for covering my shift on Saturday, I owe you one!', worse: 'Thank you for your assistance regarding the shift coverage matter.', margin: 1, why: 'Both are polite; the first is warmer and more natural.' },
  { prompt: 'What is the plural of "cactus"?', good: 'Cacti, or cactuses; both are accepted.', worse: 'Cacti.', margin: 1, why: 'Both are right; the first is more complete.' },
  { prompt: 'Recommend a board game for four players.', good: 'Ticket to Ride: easy to learn, and a game takes about an hour.', worse: 'Catan.', margin: 1, why: 'Both are fine; the first says why.' },
  { prompt: 'Summarise: "The store opens at 9, closes at 6, and is closed on Sundays."', good: 'Open 9 to 6, Monday to Saturday.', worse: 'Open 9 to 6 every day.', margin: 3, why: 'The store is closed on Sundays.' },
  { prompt: 'Is 91 a prime number?', good: 'No: 91 = 7 × 13.', worse: 'Yes, 91 is prime.', margin: 3, why: '91 is 7 × 13.' },
  { prompt: 'How should I store fresh basil?', good: 'Like cut flowers: stems in a glass of water on the counter, loosely covered; the fridge blackens the leaves.', worse: 'In the freezer, in a plastic bag.', margin: 2, why: 'Freezing whole basil leaves turns them black and limp.' },
];

/** Shares of the generated reviews' sentiments, as in a typical product catalogue: more praise than complaint. */
function drawSentiment(rng: Rng): Sentiment {
  const x = rng.next();
  return x < 0.45 ? 'positive' : x < 0.8 ? 'negative' : 'neutral';
}

const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[rng.nextInt(xs.length)]!;

function reviewOf(rng: Rng, sentiment: Sentiment): string {
  const p = pick(rng, PRODUCTS);
  const phrase = sentiment === 'positive' ? pick(rng, p.good) : sentiment === 'negative' ? pick(rng, p.bad) : pick(rng, p.plain);
  // A mixed review: praise and a small gripe still reads positive; a complaint with a small plus still negative.
  const extra =
    rng.next() < 0.3 && sentiment !== 'neutral'
      ? ` ${sentiment === 'positive' ? 'Only downside: it' : 'To be fair, it'} ${pick(rng, sentiment === 'positive' ? p.plain : p.good)}.`
      : '';
  return `The ${p.name} ${phrase}.${extra} ${pick(rng, CLOSERS[sentiment])}`;
}

export interface GeneratedItem {
  item: DemoItem;
  truth: DemoTruth;
  /** Why the worse reply is worse (a careful annotator's rationale). */
  why: string;
}

/**
 * `count` items drawn from `seed`: the first `gold` of them (ids `gold-001`…) carry their true answers as gold (with the
 * reason the worse reply is worse as the explanation), the others have ids `demo-g001`….
 */
export function generateDemoItems(count: number, gold: number, seed: number): GeneratedItem[] {
  const rng = createRng(seed);
  const out: GeneratedItem[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < count; i++) {
    const draw = () => {
      const sentiment = drawSentiment(rng);
      return { sentiment, review: reviewOf(rng, sentiment), x: pick(rng, EXCHANGES), goodIsA: rng.next() < 0.5 };
    };
    const keyOf = (d: ReturnType<typeof draw>) => `${d.review}\u0000${d.x.prompt}\u0000${d.goodIsA}`;
    // No two items alike: a task shows only the item's data, and the simulation knows an item by it.
    let d = draw();
    while (seen.has(keyOf(d))) d = draw();
    seen.add(keyOf(d));
    const { sentiment, review, x, goodIsA } = d;
    const truth: DemoTruth = { sentiment, preference: goodIsA ? -x.margin : x.margin };
    const item: DemoItem = {
      id: i < gold ? `gold-${String(i + 1).padStart(3, '0')}` : `demo-g${String(i - gold + 1).padStart(3, '0')}`,
      review,
      prompt: x.prompt,
      response_a: goodIsA ? x.good : x.worse,
      response_b: goodIsA ? x.worse : x.good,
      ...(i < gold && { gold: truth, gold_explanation: x.why }),
    };
    out.push({ item, truth, why: x.why });
  }
  return out;
}
