/**
 * A catalog sentence with its `{name}` as a `<bdi>`: a reader's name keeps its own direction inside the
 * sentence ("Reply to محمد", "الرد على Alice"), and punctuation after it stays on the sentence's side
 * (https://www.w3.org/International/articles/inline-bidi-markup/). The text around it is unchanged, so
 * accessible names ("Reply to Alice") read as before.
 */
export const withName = (text: string, name: string) => {
  const [before, after] = text.split('{name}');
  return [before, <bdi key="n">{name}</bdi>, after];
};
