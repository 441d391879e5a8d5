export { englishCatalogue as en } from "./fr";
