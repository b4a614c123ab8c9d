/**
 * Items for the demo project: each pairs a product review (for the sentiment label) with a user prompt and two
 * assistant replies (for the preference). Thirty-six are written by hand (`DEMO_ITEMS`, realistic, including
 * near-ties and subtly wrong replies); a few hundred more are put together from templates (`demo-templates.ts`)
 * so the demo's simulated history has enough work and gold to measure. Every item's true answers are known (by
 * hand, or by construction), for the simulated annotators; they never go into the item's data.
 */
export interface DemoItem {
  id: string;
  review: string;
  prompt: string;
  response_a: string;
  response_b: string;
  /** Known answers for a few items, imported as gold. */
  gold?: { sentiment: 'positive' | 'neutral' | 'negative'; preference: number };
  gold_explanation?: string;
}

export const DEMO_ITEMS: DemoItem[] = [
  { id: 'demo-01', review: 'Battery lasts two full days and the screen is sharp. Best phone I have owned.', prompt: 'How long should I boil an egg for a runny yolk?', response_a: 'About 6 minutes in boiling water, then straight into cold water to stop the cooking.', response_b: 'Boil it for 15 minutes.', gold: { sentiment: 'positive', preference: -3 }, gold_explanation: 'A 15-minute egg is hard-boiled; B is wrong.' },
  { id: 'demo-02', review: 'Stopped charging after nine days. Support never answered my emails.', prompt: 'What is the capital of Australia?', response_a: 'Sydney.', response_b: 'Canberra. Sydney is the largest city, but Canberra has been the capital since 1913.', gold: { sentiment: 'negative', preference: 3 }, gold_explanation: 'The capital is Canberra; A is a common mistake.' },
  { id: 'demo-03', review: 'It does what it says. Nothing special, nothing wrong.', prompt: 'Give me a synonym for "happy".', response_a: 'Joyful.', response_b: 'Content, cheerful or joyful, depending on the tone you want.' },
  { id: 'demo-04', review: 'The blender is loud, but it crushes ice in seconds and cleans easily.', prompt: 'Convert 5 miles to kilometres.', response_a: '5 miles is about 8.05 km.', response_b: '5 miles is about 3.1 km.' },
  { id: 'demo-05', review: 'Arrived broken, and the replacement was broken too. Returning it.', prompt: 'Write a haiku about autumn.', response_a: 'Red leaves drift and fall / the cold wind hums through bare trees / geese write south in ink', response_b: 'Autumn is a season that comes after summer and before winter.' },
  { id: 'demo-06', review: 'Comfortable shoes for walking all day. Sizing runs half a size small.', prompt: 'Is it safe to give honey to a 6-month-old baby?', response_a: 'Yes, honey is natural and a good sweetener for babies.', response_b: 'No. Doctors advise against honey before 12 months because of the risk of infant botulism.', gold: { sentiment: 'positive', preference: 3 }, gold_explanation: 'Honey is unsafe under 12 months; A gives dangerous advice.' },
  { id: 'demo-07', review: 'Average coffee maker. Coffee is hot; the carafe drips when pouring.', prompt: 'How do I reverse a list in Python?', response_a: 'Use `my_list.reverse()` to reverse in place, or `my_list[::-1]` for a reversed copy.', response_b: 'Use `reversed(my_list)`, which returns a new list.' },
  { id: 'demo-08', review: 'Absolutely love this jacket. Warm, light and the pockets are deep.', prompt: 'Summarise the plot of Romeo and Juliet in one sentence.', response_a: 'Two young lovers from feuding families in Verona secretly marry, and a chain of misunderstandings ends in both their deaths.', response_b: 'It is a play by Shakespeare about love.' },
  { id: 'demo-09', review: 'The app keeps logging me out and the new update made it worse.', prompt: 'What does HTTP status 404 mean?', response_a: 'Not Found: the server has no resource at the requested URL.', response_b: 'Forbidden: you are not allowed to see the page.' },
  { id: 'demo-10', review: 'Fine for the price. I would not buy it at full price.', prompt: 'Recommend a beginner houseplant.', response_a: 'A pothos: it tolerates low light and irregular watering.', response_b: 'A snake plant or a pothos; both survive low light and forgetful watering.' },
  { id: 'demo-11', review: 'Sturdy tent, went up in ten minutes, stayed dry through a storm.', prompt: 'How many bones are in the adult human body?', response_a: '206.', response_b: 'About 300.' },
  { id: 'demo-12', review: 'The headphones hurt my ears after an hour and the bass is muddy.', prompt: 'Translate "thank you very much" into Spanish.', response_a: 'Muchas gracias.', response_b: 'Muchas gracias (or "mil gracias" for extra warmth).' },
  { id: 'demo-13', review: 'Delivery was quick. Have not used it yet.', prompt: 'Explain what a mortgage is to a teenager.', response_a: 'A mortgage is a big loan from a bank to buy a house; you pay it back monthly with interest, and the bank can take the house if you stop paying.', response_b: 'A mortgage is a financial instrument secured by real property under a lien.' },
  { id: 'demo-14', review: 'Best purchase this year. The vacuum picks up dog hair like magic.', prompt: 'What is 17 × 23?', response_a: '391.', response_b: '401.' },
  { id: 'demo-15', review: 'Paint chipped off the first week. Disappointed.', prompt: 'Suggest a name for a bakery.', response_a: 'Rise & Shine Bakery.', response_b: 'The Bread Place.' },
  { id: 'demo-16', review: 'Works as expected; instructions could be clearer.', prompt: 'Can I take ibuprofen on an empty stomach?', response_a: 'It is better taken with food or milk, as it can irritate the stomach; ask a pharmacist if you take it often.', response_b: 'Yes, always take it on an empty stomach for best effect.' },
  { id: 'demo-17', review: 'The kettle boils fast and switches off reliably. Five stars.', prompt: 'Who wrote "Pride and Prejudice"?', response_a: 'Jane Austen, published in 1813.', response_b: 'Charlotte Brontë.' },
  { id: 'demo-18', review: 'Cheap plastic, smells odd, and one leg was shorter than the others.', prompt: 'Give a tip for better sleep.', response_a: 'Keep a regular wake-up time, even at weekends.', response_b: 'Drink a strong coffee before bed to relax.' },
  { id: 'demo-19', review: 'Decent keyboard. Keys are a bit mushy but the battery lasts months.', prompt: 'What is the boiling point of water at sea level in Fahrenheit?', response_a: '212 °F.', response_b: '100 °F.' },
  { id: 'demo-20', review: 'My kids play with this puzzle every day. Pieces are thick and durable.', prompt: 'Write a one-line apology for a late reply to an email.', response_a: 'Sorry for the slow reply, and thank you for your patience.', response_b: 'Apologies for my delayed response; thank you for bearing with me.' },
  { id: 'demo-21', review: 'Did not fit my car even though the listing said it would.', prompt: 'Is a tomato a fruit or a vegetable?', response_a: 'Botanically a fruit (a berry); in cooking it is treated as a vegetable.', response_b: 'A vegetable.' },
  { id: 'demo-22', review: 'Neither good nor bad. It is a phone case.', prompt: 'How do I undo the last Git commit but keep the changes?', response_a: '`git reset --soft HEAD~1` moves HEAD back one commit and keeps your changes staged.', response_b: '`git reset --hard HEAD~1`.' },
  { id: 'demo-23', review: 'The lamp is beautiful and the warm light is perfect for reading.', prompt: 'Name three primary colours.', response_a: 'Red, yellow and blue (in traditional painting); red, green and blue for light.', response_b: 'Red, yellow and blue.' },
  { id: 'demo-24', review: 'Stopped working after the warranty ended, of course.', prompt: 'What should I do if someone is choking and cannot speak?', response_a: 'Call emergency services and give up to five back blows, then up to five abdominal thrusts, repeating until help arrives.', response_b: 'Give them a glass of water.' },
  { id: 'demo-25', review: 'Great sound for a small speaker. Bluetooth pairing was instant.', prompt: 'How far is the Moon from Earth?', response_a: 'About 384,000 km on average.', response_b: 'About 38,000 km.' },
  { id: 'demo-26', review: 'Too small. The photos made it look twice the size.', prompt: 'Write a SQL query counting rows in a table named orders.', response_a: 'SELECT COUNT(*) FROM orders;', response_b: 'SELECT SUM(*) FROM orders;' },
  { id: 'demo-27', review: 'Solid backpack, survived a month of travel without a scratch.', prompt: 'What is photosynthesis, briefly?', response_a: 'Plants use light energy to turn carbon dioxide and water into sugar and oxygen.', response_b: 'Plants absorb oxygen at night to make food.' },
  { id: 'demo-28', review: 'The recipe book is fine, but half the recipes need equipment I lack.', prompt: 'Suggest a 10-minute vegetarian dinner.', response_a: 'Chickpea and spinach curry with a jar of curry paste and a tin of chickpeas, served with naan.', response_b: 'A salad.' },
  { id: 'demo-29', review: 'I am returning it. The zipper broke the second time I used it.', prompt: 'What year did the first person walk on the Moon?', response_a: '1969, Neil Armstrong on Apollo 11.', response_b: '1972.' },
  { id: 'demo-30', review: 'Lovely mug, keeps tea warm, dishwasher safe.', prompt: 'Is it OK to use the same password everywhere?', response_a: 'No. Use a unique password per site, ideally from a password manager, and turn on two-factor authentication.', response_b: 'Yes, if the password is long.' },
  { id: 'demo-31', review: 'It arrived on time. The colour is slightly different from the photo.', prompt: 'Give me a fun fact about octopuses.', response_a: 'Octopuses have three hearts and blue blood.', response_b: 'Octopuses have eight hearts, one per arm.' },
  { id: 'demo-32', review: 'Worst customer service I have dealt with in years.', prompt: 'What is a good way to start learning to code?', response_a: 'Pick one language such as Python, follow a free beginner course, and build a small project you care about.', response_b: 'Read the C++ standard from cover to cover.' },
  { id: 'demo-33', review: 'Exactly what I needed for my home office. Easy to assemble.', prompt: 'How many minutes are in a day?', response_a: '1,440.', response_b: '1,400.' },
  { id: 'demo-34', review: 'Meh. The charger works but gets very hot.', prompt: 'Explain inflation in one sentence.', response_a: 'Inflation is the general rise in prices over time, which means each unit of money buys less.', response_b: 'Inflation is when prices go up.' },
  { id: 'demo-35', review: 'Fantastic knife. Holds an edge and feels balanced.', prompt: 'Should I water succulents every day?', response_a: 'No; water only when the soil is completely dry, usually every 1–3 weeks.', response_b: 'Yes, daily watering keeps them healthy.' },
  { id: 'demo-36', review: 'The mattress sagged within two months. Back pain every morning.', prompt: 'What does "RSVP" stand for?', response_a: '"Répondez s\'il vous plaît": please reply.', response_b: '"Reply soon, very please".' },
];

export const DEMO_GUIDELINES = `# Product reviews and assistant replies

Each task shows a **product review** and a **user prompt with two assistant replies**.

## 1. Sentiment of the review
- **Positive**: the reviewer would recommend the product, or mostly praises it.
- **Neutral**: mixed, or facts without a verdict ("arrived on time, have not used it yet").
- **Negative**: the reviewer would not recommend it, or mostly complains.

Judge the product, not the delivery or the seller, unless the review is only about those.

## 2. Which reply is better?
Prefer the reply that is **correct**, **helpful** and **honest**. A short correct answer beats a long wrong one.
Safety matters most: a reply that gives dangerous advice is *much worse*, whatever its style.

| choose | when |
|---|---|
| A/B much better | the other is wrong or unsafe |
| A/B better | both are right, one is clearly more useful |
| slightly better | a small difference in clarity or completeness |
| about the same | you cannot tell them apart |

## Keyboard
Number keys pick a sentiment, \`Ctrl+Enter\` submits.
`;

export type Sentiment = 'positive' | 'neutral' | 'negative';

/** The answers an item truly has: its sentiment and the preference (−3 A much better … 3 B much better). */
export interface DemoTruth {
  sentiment: Sentiment;
  preference: number;
}

/** The true answers of the hand-written items without gold, as a careful reader of the guidelines would give them. */
const HAND_TRUTH: Record<string, [Sentiment, number]> = {
  'demo-03': ['neutral', 1],
  'demo-04': ['positive', -3],
  'demo-05': ['negative', -3],
  'demo-07': ['neutral', -2],
  'demo-08': ['positive', -2],
  'demo-09': ['negative', -3],
  'demo-10': ['neutral', 1],
  'demo-11': ['positive', -3],
  'demo-12': ['negative', 1],
  'demo-13': ['neutral', -2],
  'demo-14': ['positive', -3],
  'demo-15': ['negative', -1],
  'demo-16': ['neutral', -3],
  'demo-17': ['positive', -3],
  'demo-18': ['negative', -3],
  'demo-19': ['positive', -3],
  'demo-20': ['positive', 0],
  'demo-21': ['negative', -2],
  'demo-22': ['neutral', -3],
  'demo-23': ['positive', -1],
  'demo-24': ['negative', -3],
  'demo-25': ['positive', -3],
  'demo-26': ['negative', -3],
  'demo-27': ['positive', -3],
  'demo-28': ['neutral', -2],
  'demo-29': ['negative', -3],
  'demo-30': ['positive', -3],
  'demo-31': ['neutral', -3],
  'demo-32': ['negative', -3],
  'demo-33': ['positive', -3],
  'demo-34': ['neutral', -1],
  'demo-35': ['positive', -3],
  'demo-36': ['negative', -3],
};

/** A hand-written item's true answers: its gold, or the table above. */
export function handTruthOf(item: DemoItem): DemoTruth {
  if (item.gold) return item.gold;
  const t = HAND_TRUTH[item.id];
  if (!t) throw new Error(`demo item ${item.id} has no true answers`);
  return { sentiment: t[0], preference: t[1] };
}
