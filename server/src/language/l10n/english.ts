/** "a frontend", "an edge": role names follow the article rule of their spelling. */
export function withArticle(word: string, capital = false): string {
    const article = /^[aeiou]/i.test(word) ? 'an' : 'a';
    return `${capital ? article[0].toUpperCase() + article.slice(1) : article} ${word}`;
}
